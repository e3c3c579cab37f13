package org.textvae.cli;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.textvae.bench.Benchmark;
import org.textvae.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code textvae bench}: the speed and memory figures of the README, re-runnable. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Measure speed and memory on this machine.",
            "Matrix-multiply roofline through the engine; the real training loop at the Tang and"
                    + " Penn Treebank shapes (tokens/s, share of the roofline, and the ratio to a"
                    + " bare forward/backward/Adam step); batched greedy generation, single-line and"
                    + " interpolation latency; the cold start of 'poem'; each with its peak RSS (each"
                    + " measurement runs in its own JVM). Run it on an idle machine."
        },
        footer = {"", "Example: textvae bench --out bench.csv"})
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--train-steps",
            defaultValue = "40",
            description = "Timed steps per training measurement.")
    int trainSteps;

    @Option(
            names = "--lines",
            defaultValue = "16384",
            description = "Lines for batched generation.")
    int lines;

    @Option(
            names = "--model",
            defaultValue = "default",
            description = "Model for generation: 'default' (packed in the jar) or a path.")
    String model;

    @Option(
            names = "--jar",
            defaultValue = "target/textvae.jar",
            description = "Jar for the cold start.")
    Path jar;

    @Option(
            names = "--rss-steps",
            defaultValue = "0",
            description =
                    "Also train this many steps at the Tang shape, sampling RSS 20 times, to show"
                            + " it stays flat (10000 for the target; about 45 minutes; 0: skip)."
                            + " Runs with a 1 GB heap touched up front, so that only growth"
                            + " outside the Java heap shows.")
    int rssSteps;

    @Option(names = "--out", defaultValue = "bench.csv", description = "CSV of every figure.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Options.requirePositive("--train-steps", trainSteps);
        Options.requirePositive("--lines", lines);
        Options.requireNonNegative("--rss-steps", rssSteps);
        List<Map<String, Object>> results =
                Benchmark.run(
                        new Benchmark.Options(trainSteps, lines, model, jar, rssSteps),
                        System.err::println);
        System.out.printf(
                "machine: %d cores, %s, Java %s, PyTorch threads %s (generation: see its line)%n",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("java.version"),
                System.getProperty("ai.djl.pytorch.num_threads"));
        for (Map<String, Object> result : results) {
            System.out.println(BenchReport.line(result));
        }
        StringWriter csv = new StringWriter();
        try (CSVWriter writer = new CSVWriter(csv)) {
            writer.writeNext(new String[] {"section", "shape", "metric", "value"});
            for (Map<String, Object> result : results) {
                for (Map.Entry<String, Object> entry : result.entrySet()) {
                    writer.writeNext(
                            new String[] {
                                String.valueOf(result.get("section")),
                                String.valueOf(result.getOrDefault("shape", "")),
                                entry.getKey(),
                                String.valueOf(entry.getValue())
                            });
                }
            }
        }
        AtomicFiles.writeString(out, csv.toString());
        System.out.println("written: " + out);
        return 0;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
        return "unknown CPU";
    }
}
