package org.textvae.poetry;

import com.google.gson.Gson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textvae.SentenceVae;
import org.textvae.generate.Encoding;
import org.textvae.prior.PosteriorMixture;

/**
 * How a poem's next line's code follows from the line before: a linear map z' ≈ A z + b fitted by
 * ridge regression to the posterior means of consecutive lines of real poems, with the residual's
 * spread. A writer draws the next line near the prediction, from the kept posteriors of training
 * lines (the codes the decoder reads fluently), so that a poem's lines follow one another as real
 * poems' do instead of each being its own draw.
 */
public final class LineSuccession {

    /** The checkpoint entry that holds it. */
    public static final String ENTRY = "succession.json";

    private static final Gson GSON = new Gson();

    private final double[][] map;
    private final double[] offset;
    private final double residual;
    private final int pairs;

    private record Stored(double[][] map, double[] offset, double residual, int pairs) {}

    private LineSuccession(double[][] map, double[] offset, double residual, int pairs) {
        this.map = map;
        this.offset = offset;
        this.residual = residual;
        this.pairs = pairs;
    }

    /**
     * Fits the map to the consecutive lines of {@code poems}, each given as its lines' codes in
     * order.
     *
     * @param ridge added to the diagonal of the normal equations, per pair
     */
    public static LineSuccession fit(List<float[][]> poems, double ridge) {
        int d = -1;
        int n = 0;
        for (float[][] poem : poems) {
            for (int i = 0; i + 1 < poem.length; i++) {
                d = poem[i].length;
                n++;
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("a line succession needs at least 2 line pairs");
        }
        int m = d + 1;
        double[][] xtx = new double[m][m];
        double[][] xty = new double[m][d];
        for (float[][] poem : poems) {
            for (int i = 0; i + 1 < poem.length; i++) {
                double[] x = withBias(poem[i]);
                for (int r = 0; r < m; r++) {
                    for (int c = 0; c < m; c++) {
                        xtx[r][c] += x[r] * x[c];
                    }
                    for (int c = 0; c < d; c++) {
                        xty[r][c] += x[r] * poem[i + 1][c];
                    }
                }
            }
        }
        for (int r = 0; r < d; r++) {
            xtx[r][r] += ridge * n;
        }
        double[][] weights = solve(xtx, xty);
        double[][] map = new double[d][d];
        double[] offset = new double[d];
        for (int out = 0; out < d; out++) {
            for (int in = 0; in < d; in++) {
                map[out][in] = weights[in][out];
            }
            offset[out] = weights[d][out];
        }
        LineSuccession fitted = new LineSuccession(map, offset, 1, n);
        double squares = 0;
        for (float[][] poem : poems) {
            for (int i = 0; i + 1 < poem.length; i++) {
                float[] predicted = fitted.predict(poem[i]);
                for (int c = 0; c < d; c++) {
                    double e = poem[i + 1][c] - predicted[c];
                    squares += e * e;
                }
            }
        }
        return new LineSuccession(map, offset, Math.sqrt(squares / ((double) n * d)), n);
    }

    /**
     * Fits the map to {@code poems} as {@code vae} encodes them: each line's posterior mean, in
     * batches.
     */
    public static LineSuccession fitTo(SentenceVae vae, List<Poem> poems, double ridge) {
        List<String> lines = new ArrayList<>();
        poems.forEach(poem -> lines.addAll(poem.lines()));
        List<Encoding> encoded = vae.encodeAll(lines);
        List<float[][]> codes = new ArrayList<>(poems.size());
        int next = 0;
        for (Poem poem : poems) {
            float[][] poemCodes = new float[poem.lines().size()][];
            for (int i = 0; i < poemCodes.length; i++) {
                poemCodes[i] = encoded.get(next++).mean();
            }
            codes.add(poemCodes);
        }
        return fit(codes, ridge);
    }

    private static double[] withBias(float[] z) {
        double[] x = new double[z.length + 1];
        for (int i = 0; i < z.length; i++) {
            x[i] = z[i];
        }
        x[z.length] = 1;
        return x;
    }

    /** Solves A X = B by Gauss–Jordan elimination with partial pivoting (A is m × m). */
    private static double[][] solve(double[][] a, double[][] b) {
        int m = a.length;
        int k = b[0].length;
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            double p = a[col][col];
            for (int c = 0; c < m; c++) {
                a[col][c] /= p;
            }
            for (int c = 0; c < k; c++) {
                b[col][c] /= p;
            }
            for (int r = 0; r < m; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int c = 0; c < m; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                    for (int c = 0; c < k; c++) {
                        b[r][c] -= f * b[col][c];
                    }
                }
            }
        }
        return b;
    }

    /** The predicted code of the line after a line whose code is {@code previous}. */
    public float[] predict(float[] previous) {
        float[] next = new float[offset.length];
        for (int out = 0; out < offset.length; out++) {
            double sum = offset[out];
            for (int in = 0; in < previous.length; in++) {
                sum += map[out][in] * previous[in];
            }
            next[out] = (float) sum;
        }
        return next;
    }

    /**
     * Draws the next line's code: a kept posterior chosen with weight exp(−‖μ − ẑ‖² / 2r²) around
     * the prediction ẑ (r: the residual's spread), then a draw from it.
     */
    public float[] next(float[] previous, PosteriorMixture kept, SplittableRandom random) {
        float[] predicted = predict(previous);
        int components = kept.components();
        double[] logWeights = new double[components];
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < components; k++) {
            // A narrower kernel raised the judge's score only by repeating lines (distinct-2 of
            // 七律 fell from 0.87 to 0.59 at half the residual): the residual it is.
            logWeights[k] = -kept.squaredDistance(k, predicted) / (2 * residual * residual);
            top = Math.max(top, logWeights[k]);
        }
        double total = 0;
        for (int k = 0; k < components; k++) {
            logWeights[k] = Math.exp(logWeights[k] - top);
            total += logWeights[k];
        }
        double u = random.nextDouble() * total;
        int chosen = components - 1;
        for (int k = 0; k < components; k++) {
            u -= logWeights[k];
            if (u <= 0) {
                chosen = k;
                break;
            }
        }
        return kept.drawFrom(chosen, random);
    }

    /** The residual's spread per dimension, in latent units. */
    public double residual() {
        return residual;
    }

    /** Consecutive line pairs it was fitted to. */
    public int pairs() {
        return pairs;
    }

    public byte[] toJson() {
        return GSON.toJson(new Stored(map, offset, residual, pairs))
                .getBytes(StandardCharsets.UTF_8);
    }

    public static LineSuccession fromJson(byte[] json) {
        Stored stored = GSON.fromJson(new String(json, StandardCharsets.UTF_8), Stored.class);
        if (stored == null || stored.map() == null || stored.offset() == null) {
            throw new IllegalArgumentException("not a line succession");
        }
        return new LineSuccession(stored.map(), stored.offset(), stored.residual(), stored.pairs());
    }
}
