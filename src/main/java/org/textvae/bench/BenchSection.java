package org.textvae.bench;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.textvae.SentenceVae;
import org.textvae.model.EngineDefaults;

/**
 * Runs one measurement in this JVM and prints {@code RESULT {json}} with its figures and the
 * process's peak resident set size. {@link Benchmark} starts one of these per measurement.
 *
 * <p>Sections: {@code roofline}; {@code train SHAPE STEPS [PARTS_OFF]}, where PARTS_OFF is a
 * comma-separated list of loop parts to switch off ({@code word-dropout,clipping,trims}); {@code
 * bare SHAPE STEPS}; {@code profile SHAPE STEPS TRACE}; {@code rss SHAPE STEPS INTERVAL}; {@code
 * generate MODEL|default LINES}.
 */
public final class BenchSection {

    static final String PREFIX = "RESULT ";

    private BenchSection() {}

    public static void main(String[] args) throws IOException {
        EngineDefaults.apply();
        String section = args[0];
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("section", section);
        switch (section) {
            case "roofline" -> result.putAll(Measurements.roofline());
            case "train" ->
                    result.putAll(
                            Measurements.training(
                                    Shape.named(args[1]),
                                    Integer.parseInt(args[2]),
                                    LoopParts.allWithout(args.length > 3 ? args[3] : "")));
            case "bare" ->
                    result.putAll(
                            Measurements.bareStep(Shape.named(args[1]), Integer.parseInt(args[2])));
            case "profile" ->
                    result.putAll(
                            Measurements.profile(
                                    Shape.named(args[1]), Integer.parseInt(args[2]), args[3]));
            case "rss" ->
                    result.putAll(
                            MemoryOverTime.measure(
                                    Shape.named(args[1]),
                                    Integer.parseInt(args[2]),
                                    Integer.parseInt(args[3])));
            case "generate" -> {
                // The setting textvae generate uses, unless the parent passed a user's choice.
                EngineDefaults.preferBatchParallelism();
                try (SentenceVae vae =
                        args[1].equals("default")
                                ? SentenceVae.loadDefault()
                                : SentenceVae.load(Path.of(args[1]))) {
                    result.putAll(GenerationMeasurements.measure(vae, Integer.parseInt(args[2])));
                }
            }
            default -> throw new IllegalArgumentException("unknown section " + section);
        }
        result.put("peak_rss_mb", peakRssMegabytes());
        System.out.println(PREFIX + new Gson().toJson(result));
    }

    /** VmHWM from /proc: the most memory this process ever held resident. */
    static double peakRssMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
