package org.textvae.bench;

import java.util.Map;

/** One readable line per benchmark measurement. */
public final class BenchReport {

    private BenchReport() {}

    public static String line(Map<String, Object> r) {
        return switch (String.valueOf(r.get("section"))) {
            case "roofline" ->
                    String.format(
                            "roofline: float32 matmul 2048^3 %.1f GFLOP/s, 800x256x10000 %.1f GFLOP/s",
                            num(r, "gflops_2048"), num(r, "gflops_800x256x10000"));
            case "train" ->
                    String.format(
                            "training, %s shape: real loop %,.0f tokens/s, bare step %,.0f tokens/s (%.0f%%);"
                                    + " %.1f GFLOP/s (%.0f FLOP per token = 6(2·3H(E+H) + 3H(E+H) + HV));"
                                    + " peak RSS %.0f MB (bare %.0f MB)",
                            r.get("shape"),
                            num(r, "train_tokens_per_s"),
                            num(r, "bare_tokens_per_s"),
                            100 * num(r, "train_tokens_per_s") / num(r, "bare_tokens_per_s"),
                            num(r, "train_gflops"),
                            num(r, "flops_per_token"),
                            num(r, "peak_rss_mb"),
                            num(r, "bare_peak_rss_mb"));
            case "generate" ->
                    String.format(
                            "generation (%s): batched greedy %,.0f lines/s (128 per batch, 7 tokens;"
                                    + " %.0f batches at a time on %.0f PyTorch thread(s) each);"
                                    + " one line %.1f ms; interpolation of 7 steps %.1f ms (medians, warm);"
                                    + " regulated poems, 1,000 a call: 五絕 %,.0f/s, 七律 %,.0f/s (warm);"
                                    + " peak RSS %.0f MB",
                            r.get("model"),
                            num(r, "generate_lines_per_s"),
                            num(r, "generate_workers"),
                            num(r, "engine_threads"),
                            num(r, "single_line_ms_median"),
                            num(r, "interpolate_7_ms_median"),
                            num(r, "wujue_poems_per_s"),
                            num(r, "qilu_poems_per_s"),
                            num(r, "peak_rss_mb"));
            case "cold-poem" ->
                    String.format(
                            "cold start: 'java -jar textvae.jar poem --form 七律' %.2f s wall (median of 3);"
                                    + " peak RSS %.0f MB",
                            num(r, "cold_poem_s_median"), num(r, "peak_rss_mb"));
            case "rss" ->
                    String.format(
                            "memory over %,.0f training steps (Tang shape): RSS %.0f → %.0f MB (%+.1f%%);"
                                    + " peak per window, first to last %+.1f%%, floor %+.1f%%;"
                                    + " Java heap committed %.0f → %.0f MB; outside the heap %+.1f%%",
                            num(r, "rss_steps"),
                            num(r, "rss_first_mb"),
                            num(r, "rss_last_mb"),
                            num(r, "rss_growth_percent"),
                            num(r, "rss_window_peak_growth_percent"),
                            num(r, "rss_window_floor_growth_percent"),
                            num(r, "rss_heap_committed_first_mb"),
                            num(r, "rss_heap_committed_last_mb"),
                            num(r, "rss_outside_heap_growth_percent"));
            default -> r.toString();
        };
    }

    private static double num(Map<String, Object> r, String key) {
        Object value = r.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
