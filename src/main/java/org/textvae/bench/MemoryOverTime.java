package org.textvae.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.textvae.model.TokenBatch;
import org.textvae.train.TrainingBenchmark;

/**
 * Resident memory over a long stretch of the real training loop: sampled every {@code interval}
 * steps, so a slow leak shows as growth between the first and the last sample.
 */
final class MemoryOverTime {

    private static final double MEGABYTE = 1024.0 * 1024.0;

    private MemoryOverTime() {}

    static Map<String, Object> measure(Shape shape, int steps, int interval) {
        List<Double> samples = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        double tokensPerSecond =
                TrainingBenchmark.tokensPerSecond(
                        shape.model(),
                        steps,
                        new TokenBatch.Specials(0, 1, 2, 3),
                        () ->
                                Synthetic.sentences(
                                        random,
                                        shape.batch(),
                                        shape.tokens() - 1,
                                        shape.vocabulary()),
                        done -> {
                            if (done % interval == 0) {
                                samples.add(residentMegabytes());
                                heap.add(Runtime.getRuntime().totalMemory() / MEGABYTE);
                            }
                        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("shape", shape.name());
        result.put("rss_steps", steps);
        result.put("rss_tokens_per_s", tokensPerSecond);
        if (!samples.isEmpty()) {
            double first = samples.get(0);
            double last = samples.get(samples.size() - 1);
            result.put("rss_first_mb", first);
            result.put("rss_last_mb", last);
            result.put(
                    "rss_max_mb",
                    samples.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            result.put("rss_growth_percent", 100 * (last - first) / first);
            // The whole trajectory: a leak keeps climbing, a warm-up levels off.
            result.put(
                    "rss_series_mb",
                    String.join(" ", samples.stream().map(v -> String.format("%.0f", v)).toList()));
            // The Java heap commits memory as it grows towards -Xmx; that is not a leak, so the
            // growth outside it (native: libtorch, the allocator, thread stacks) is shown apart.
            double heapFirst = heap.get(0);
            double heapLast = heap.get(heap.size() - 1);
            result.put("rss_heap_committed_first_mb", heapFirst);
            result.put("rss_heap_committed_last_mb", heapLast);
            result.put(
                    "rss_outside_heap_growth_percent",
                    100 * ((last - heapLast) - (first - heapFirst)) / (first - heapFirst));
        }
        return result;
    }

    /** VmRSS from /proc: what this process holds resident now. */
    static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
