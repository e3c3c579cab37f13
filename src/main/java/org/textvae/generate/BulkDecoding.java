package org.textvae.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reconstruction and interpolation of many sentences, a window at a time: each window's sentences
 * are encoded in batches, then its latent codes decoded in batches side by side, its lines handed
 * on as they come. A window keeps every decoding worker busy, while a file of a million lines is
 * never held as latent codes all at once.
 */
final class BulkDecoding {

    /** Latent codes decoded per window: 16 batches, so 2 to 8 workers each get several. */
    static final int WINDOW = 16 * ChunkedDecoding.ROWS;

    /** Decodes codes greedily, handing the lines to a sink in order, batch by batch. */
    @FunctionalInterface
    interface Decoder {
        void decode(float[][] codes, Consumer<List<String>> sink);
    }

    private final Function<List<int[]>, float[][]> means;
    private final Decoder decoder;
    private final int window;
    private final Function<List<int[]>, List<String>> lines;

    /**
     * @param means the posterior means of sentences given as token ids
     * @param decoder decodes codes greedily
     * @param window latent codes per window, {@link #WINDOW} but in tests
     */
    BulkDecoding(Function<List<int[]>, float[][]> means, Decoder decoder, int window) {
        this(means, decoder, window, null);
    }

    private BulkDecoding(
            Function<List<int[]>, float[][]> means,
            Decoder decoder,
            int window,
            Function<List<int[]>, List<String>> lines) {
        if (window < 1) {
            throw new IllegalArgumentException("a window holds at least one code, got " + window);
        }
        this.means = means;
        this.decoder = decoder;
        this.window = window;
        this.lines = lines;
    }

    /**
     * The same, reconstructing each window by {@code lines} (sentences to their reconstructions, in
     * order) instead of decoding its codes: for a way that knows some lines without decoding.
     */
    BulkDecoding reconstructingBy(Function<List<int[]>, List<String>> lines) {
        return new BulkDecoding(means, decoder, window, lines);
    }

    /** Each sentence's mean decoded, in order, to {@code sink} batch by batch. */
    void reconstruct(List<int[]> sentences, Consumer<List<String>> sink) {
        for (int from = 0; from < sentences.size(); from += window) {
            List<int[]> part = sentences.subList(from, Math.min(sentences.size(), from + window));
            if (lines == null) {
                decoder.decode(means.apply(part), sink);
            } else {
                sink.accept(lines.apply(part));
            }
        }
    }

    /**
     * The path between each pair's means, {@code steps} lines, handed to {@code paths} one whole
     * path at a time, in order.
     *
     * @param endpoints both sentences of every pair, one pair after another
     */
    void interpolate(
            List<int[]> endpoints, int steps, Interpolation path, Consumer<List<String>> paths) {
        int pairsPerWindow = Math.max(1, window / steps);
        Consumer<List<String>> regroup = whole(steps, paths);
        for (int from = 0; from < endpoints.size(); from += 2 * pairsPerWindow) {
            int to = Math.min(endpoints.size(), from + 2 * pairsPerWindow);
            float[][] ends = means.apply(endpoints.subList(from, to));
            float[][] codes = new float[ends.length / 2 * steps][];
            for (int pair = 0; pair < ends.length / 2; pair++) {
                float[][] points = path.points(ends[2 * pair], ends[2 * pair + 1], steps);
                System.arraycopy(points, 0, codes, pair * steps, steps);
            }
            decoder.decode(codes, regroup);
        }
    }

    /** Collects decoded lines, which batches cut anywhere, into whole paths of {@code steps}. */
    private static Consumer<List<String>> whole(int steps, Consumer<List<String>> paths) {
        List<String> path = new ArrayList<>(steps);
        return batch -> {
            for (String line : batch) {
                path.add(line);
                if (path.size() == steps) {
                    paths.accept(List.copyOf(path));
                    path.clear();
                }
            }
        };
    }
}
