package org.textvae.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.textvae.model.HostArrays;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * Beam search for each latent code: keeps the {@code width} most likely prefixes per code, all
 * codes and beams in one batch. Finished lines are ranked by log-probability with the length
 * penalty of Wu et al. (2016), α = 0.6, so short lines are not favoured merely for being short.
 */
public final class BeamSearchDecoder {

    private static final double LENGTH_ALPHA = 0.6;

    private final SentenceVaeNetwork network;
    private final TokenBatch.Specials specials;

    public BeamSearchDecoder(SentenceVaeNetwork network, TokenBatch.Specials specials) {
        this.network = network;
        this.specials = specials;
    }

    /** A prefix and its log-probability. */
    private record Hypothesis(int[] tokens, double score) {
        double ranked() {
            return score / lengthPenalty(tokens.length);
        }
    }

    /** Wu et al.'s penalty for a line of {@code tokens} tokens and its {@code <eos>}. */
    private static double lengthPenalty(int tokens) {
        return Math.pow((5.0 + tokens + 1) / 6.0, LENGTH_ALPHA);
    }

    /**
     * Decodes each row of z (batch, latent); returns the best line of each, without specials.
     *
     * @param banned token ids never to emit besides those {@link NeverEmitted} always bans
     */
    public List<int[]> decode(NDManager parent, NDArray z, int maxLength, int width, int[] banned) {
        int batch = (int) z.getShape().get(0);
        int rows = batch * width;
        try (NDManager manager = parent.newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            NDArray codes = z.duplicate();
            codes.attach(manager);
            codes = codes.repeat(0, width);
            NDArray state = network.initialState(store, codes, rows, manager, false);
            NDArray bias = manager.create(bias(banned));
            List<List<Hypothesis>> live = new ArrayList<>();
            List<List<Hypothesis>> done = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                live.add(new ArrayList<>(List.of(new Hypothesis(new int[0], 0))));
                done.add(new ArrayList<>());
            }
            long[] previous = new long[rows];
            Arrays.fill(previous, specials.bos());
            for (int t = 0; t < maxLength && !allSettled(live, done, width, maxLength); t++) {
                NDArray input = HostArrays.longs(manager, previous, new Shape(rows, 1));
                NDList out = network.decode(store, codes, input, state, false);
                NDArray logProbs = out.get(0).squeeze(1).add(bias).logSoftmax(1);
                NDList top = logProbs.topK(width + 1, 1);
                float[] values = top.get(0).toFloatArray();
                long[] tokens = top.get(1).toType(DataType.INT64, false).toLongArray();
                long[] origins = new long[rows];
                for (int b = 0; b < batch; b++) {
                    expand(
                            b,
                            live,
                            done,
                            values,
                            tokens,
                            width,
                            origins,
                            previous,
                            t == maxLength - 1);
                }
                NDArray order =
                        HostArrays.longs(manager, origins, new Shape(rows, 1))
                                .broadcast(rows, network.config().hiddenSize());
                state = out.get(1).squeeze(0).gather(order, 0).expandDims(0);
            }
            List<int[]> lines = new ArrayList<>(batch);
            for (int b = 0; b < batch; b++) {
                List<Hypothesis> candidates = done.get(b).isEmpty() ? live.get(b) : done.get(b);
                Hypothesis best = candidates.get(0);
                for (Hypothesis h : candidates) {
                    if (h.ranked() > best.ranked()) {
                        best = h;
                    }
                }
                lines.add(best.tokens());
            }
            return lines;
        }
    }

    /** Grows code b's beams by one token: the best continuations become the new live beams. */
    private void expand(
            int b,
            List<List<Hypothesis>> live,
            List<List<Hypothesis>> done,
            float[] values,
            long[] tokens,
            int width,
            long[] origins,
            long[] previous,
            boolean last) {
        List<double[]> candidates = new ArrayList<>(); // {score, beam, token}
        List<Hypothesis> beams = live.get(b);
        for (int k = 0; k < beams.size(); k++) {
            int row = b * width + k;
            for (int j = 0; j <= width; j++) {
                double score = beams.get(k).score() + values[row * (width + 1) + j];
                candidates.add(new double[] {score, k, tokens[row * (width + 1) + j]});
            }
        }
        candidates.sort((x, y) -> Double.compare(y[0], x[0]));
        List<Hypothesis> next = new ArrayList<>();
        for (double[] c : candidates) {
            if (next.size() == width || !Double.isFinite(c[0])) {
                break;
            }
            Hypothesis parent = beams.get((int) c[1]);
            if ((int) c[2] == specials.eos() || last) {
                if (done.get(b).size() < width) {
                    done.get(b)
                            .add(
                                    new Hypothesis(
                                            last && (int) c[2] != specials.eos()
                                                    ? append(parent.tokens(), (int) c[2])
                                                    : parent.tokens(),
                                            c[0]));
                }
                continue;
            }
            int row = b * width + next.size();
            origins[row] = b * width + (long) c[1];
            previous[row] = (long) c[2];
            next.add(new Hypothesis(append(parent.tokens(), (int) c[2]), c[0]));
        }
        for (int k = next.size(); k < width; k++) {
            origins[b * width + k] = b * width;
            previous[b * width + k] = specials.pad();
        }
        live.set(b, next.isEmpty() ? beams : next);
    }

    /**
     * Whether no live beam can still win, for every code: each has {@code width} finished lines, or
     * a finished line that ranks above the best any live beam could reach. Log-probabilities only
     * fall as a beam grows, and its length penalty is at most that of {@code maxLength} tokens, so
     * a live beam can rank at best score / penalty(maxLength). Without this bound a batch ran to
     * the longest line allowed whenever one code lacked {@code width} finished lines.
     */
    private static boolean allSettled(
            List<List<Hypothesis>> live, List<List<Hypothesis>> done, int width, int maxLength) {
        double longest = lengthPenalty(maxLength);
        for (int b = 0; b < done.size(); b++) {
            List<Hypothesis> finished = done.get(b);
            if (finished.size() >= width) {
                continue;
            }
            if (finished.isEmpty()) {
                return false;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (Hypothesis h : finished) {
                best = Math.max(best, h.ranked());
            }
            for (Hypothesis h : live.get(b)) {
                if (h.score() / longest > best) {
                    return false;
                }
            }
        }
        return true;
    }

    private float[] bias(int[] banned) {
        return NeverEmitted.bias(network.config().vocabSize(), specials, banned, false);
    }

    private static int[] append(int[] tokens, int token) {
        int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
        longer[tokens.length] = token;
        return longer;
    }
}
