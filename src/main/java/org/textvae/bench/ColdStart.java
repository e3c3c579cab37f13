package org.textvae.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Wall time of {@code java -jar textvae.jar poem} from a cold JVM, as a user types it: median of
 * three runs, and peak RSS through GNU time when it is installed.
 */
final class ColdStart {

    private static final int RUNS = 3;

    /** The largest regulated form: eight lines of seven characters. */
    private static final String FORM = "七律";

    private ColdStart() {}

    static Map<String, Object> measure(Path jar, Consumer<String> progress) {
        progress.accept("measuring cold start of 'poem --form 七律' ...");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path gnuTime = Path.of("/usr/bin/time");
        double[] seconds = new double[RUNS];
        double peak = Double.NaN;
        for (int i = 0; i < RUNS; i++) {
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(gnuTime)) {
                command.addAll(List.of(gnuTime.toString(), "-f", "PEAK_KB %M"));
            }
            command.addAll(
                    List.of(
                            java.toString(),
                            "-jar",
                            jar.toString(),
                            "poem",
                            "--form",
                            FORM,
                            "--seed",
                            "1"));
            long start = System.nanoTime();
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                process.waitFor();
                seconds[i] = (System.nanoTime() - start) / 1e9;
                for (String line : output.split("\n")) {
                    if (line.startsWith("PEAK_KB ")) {
                        peak = Long.parseLong(line.substring(8).trim()) / 1024.0;
                    }
                }
            } catch (IOException e) {
                seconds[i] = Double.NaN;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                seconds[i] = Double.NaN;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("section", "cold-poem");
        result.put("cold_poem_s_median", GenerationMeasurements.median(seconds));
        result.put("peak_rss_mb", peak);
        return result;
    }
}
