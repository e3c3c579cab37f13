package org.textvae.bench;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.textvae.TextvaeException;
import org.textvae.model.EngineDefaults;

/**
 * Runs every measurement in a child JVM of its own (so each peak RSS is its own), in the order:
 * roofline, training at both shapes (real loop and bare step), generation, cold start.
 */
public final class Benchmark {

    /**
     * What to run.
     *
     * @param trainSteps timed steps per training measurement
     * @param lines lines for the batched generation measurement
     * @param model the model for generation ("default" for the packed one)
     * @param jar the jar for the cold-start measurement (null: skip it)
     * @param rssSteps steps of the long memory measurement (0: skip it)
     */
    public record Options(int trainSteps, int lines, String model, Path jar, int rssSteps) {}

    /** The fixed heap of the memory-over-time measurement. */
    static final String RSS_HEAP = "1g";

    private Benchmark() {}

    /** Runs the measurements; {@code progress} hears of each as it starts. */
    public static List<Map<String, Object>> run(Options options, Consumer<String> progress) {
        List<Map<String, Object>> results = new ArrayList<>();
        results.add(child(progress, "roofline"));
        for (Shape shape : List.of(Shape.TANG, Shape.PTB)) {
            String steps = Integer.toString(options.trainSteps());
            Map<String, Object> real = child(progress, "train", shape.name(), steps);
            Map<String, Object> bare = child(progress, "bare", shape.name(), steps);
            real.put("shape", shape.name());
            real.put("bare_tokens_per_s", bare.get("bare_tokens_per_s"));
            real.put("bare_peak_rss_mb", bare.get("peak_rss_mb"));
            results.add(real);
        }
        results.add(
                child(progress, "generate", options.model(), Integer.toString(options.lines())));
        if (options.rssSteps() > 0) {
            int interval = Math.max(1, options.rssSteps() / 20);
            // The heap is committed and touched up front: otherwise G1 touches its committed pages
            // one by one over the first thousands of steps, which reads as growth (+58% over
            // 2,000 steps) although nothing leaks; with it touched, what still grows is native.
            Map<String, Object> memory =
                    child(
                            progress,
                            List.of("-Xms" + RSS_HEAP, "-Xmx" + RSS_HEAP, "-XX:+AlwaysPreTouch"),
                            "rss",
                            Shape.TANG.name(),
                            Integer.toString(options.rssSteps()),
                            Integer.toString(interval));
            results.add(memory);
        }
        if (options.jar() != null) {
            results.add(ColdStart.measure(options.jar(), progress));
        }
        return results;
    }

    private static Map<String, Object> child(Consumer<String> progress, String... args) {
        return child(progress, List.of("-Xmx4g"), args);
    }

    private static Map<String, Object> child(
            Consumer<String> progress, List<String> jvmOptions, String... args) {
        progress.accept("measuring " + String.join(" ", args) + " ...");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        // Threads pass on only when the user chose them: otherwise each measurement takes the
        // setting textvae itself would use for that job (all cores; one per batch for generation).
        List<String> keys = new ArrayList<>(List.of("ai.djl.offline"));
        if (EngineDefaults.threadsChosen()) {
            keys.add("ai.djl.pytorch.num_threads");
        }
        for (String key : keys) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.add(BenchSection.class.getName());
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command)
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int exit = process.waitFor();
            for (String line : output.split("\n")) {
                if (line.startsWith(BenchSection.PREFIX)) {
                    return new LinkedHashMap<>(
                            new Gson()
                                    .fromJson(
                                            line.substring(BenchSection.PREFIX.length()),
                                            new TypeToken<Map<String, Object>>() {}.getType()));
                }
            }
            throw new TextvaeException(
                    TextvaeException.Kind.IO,
                    "benchmark step '" + String.join(" ", args) + "' failed (exit " + exit + ")");
        } catch (IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "cannot start a benchmark JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TextvaeException(TextvaeException.Kind.IO, "benchmark interrupted", e);
        }
    }
}
