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

/**
 * Resident memory over a long stretch of the real training loop: sampled every {@code interval}
 * steps, so a slow leak shows as growth between the first and the last sample.
 *
 * <p>One sample lands before or after the loop's periodic heap trim by chance, which alone moves it
 * by hundreds of megabytes. So RSS is also read after every step, and each window of {@code
 * interval} steps reports its peak (what the process needed at most) and its floor (what it kept
 * after trims); a leak lifts both, trim timing neither.
 */
final class MemoryOverTime {

    private static final double MEGABYTE = 1024.0 * 1024.0;

    private MemoryOverTime() {}

    static Map<String, Object> measure(Shape shape, int steps, int interval) {
        List<Double> samples = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        WindowedExtremes windows = new WindowedExtremes();
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
                            double resident = residentMegabytes();
                            windows.add(resident);
                            if (done % interval == 0) {
                                samples.add(resident);
                                heap.add(Runtime.getRuntime().totalMemory() / MEGABYTE);
                                windows.endWindow();
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
            result.put("rss_series_mb", series(samples));
            result.put("rss_window_peak_series_mb", series(windows.peaks()));
            result.put(
                    "rss_window_peak_growth_percent",
                    WindowedExtremes.growthPercent(windows.peaks()));
            result.put("rss_window_floor_series_mb", series(windows.floors()));
            result.put(
                    "rss_window_floor_growth_percent",
                    WindowedExtremes.growthPercent(windows.floors()));
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

    private static String series(List<Double> values) {
        return String.join(" ", values.stream().map(v -> String.format("%.0f", v)).toList());
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
