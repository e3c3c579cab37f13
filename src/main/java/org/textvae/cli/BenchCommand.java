package org.textvae.cli;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.bench.BenchReport;
import org.textvae.bench.Benchmark;
import org.textvae.io.AtomicFiles;
import org.textvae.model.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae bench}: the speed and memory figures of docs/performance.md, re-runnable. */
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
        footer = {"", "Example, the figures of docs/performance.md: textvae bench --out bench.csv"})
final class BenchCommand implements Callable<Integer> {

    /** Where the build puts the jar: measured if there, whereas a jar named by --jar must be. */
    private static final Path BUILT_JAR = Path.of("target/textvae.jar");

    @Option(
            names = "--train-steps",
            paramLabel = "N",
            defaultValue = "40",
            description = "Timed steps per training measurement.")
    int trainSteps;

    @Option(
            names = "--lines",
            paramLabel = "N",
            defaultValue = "16384",
            description = "Lines for batched generation.")
    int lines;

    @Option(
            names = "--model",
            paramLabel = "PATH",
            defaultValue = "default",
            description = "Model for generation: 'default' (packed in the jar) or a path.")
    String model;

    @Option(
            names = "--jar",
            paramLabel = "FILE",
            description =
                    "Jar for the cold start (default: target/textvae.jar, skipped if absent).")
    Path jar;

    @Option(
            names = "--rss-steps",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "Also train this many steps at the Tang shape, sampling RSS 20 times, to show"
                            + " it stays flat (10000 for the target; about 45 minutes; 0: skip)."
                            + " Runs with a 1 GB heap touched up front, so that only growth"
                            + " outside the Java heap shows.")
    int rssSteps;

    @Option(
            names = "--out",
            paramLabel = "FILE.csv",
            description =
                    "CSV of every figure; an existing file only with --force (default: bench.csv"
                            + " here, replaced on each run).")
    Path out;

    @Mixin OutputFile output;

    @Override
    public Integer call() throws IOException {
        Options.requirePositive("--train-steps", trainSteps);
        Options.requirePositive("--lines", lines);
        Options.requireNonNegative("--rss-steps", rssSteps);
        Path[] inputs = {checkModel(), jar != null ? jar : BUILT_JAR};
        Path csv = out != null ? out : Path.of("bench.csv");
        if (out != null) {
            output.check(out, inputs);
        } else {
            OutputFile.checkDefault(csv, inputs);
        }
        Path coldStartJar = coldStartJar();
        List<Map<String, Object>> results =
                Benchmark.run(
                        new Benchmark.Options(trainSteps, lines, model, coldStartJar, rssSteps),
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
        StringWriter text = new StringWriter();
        try (CSVWriter writer = new CSVWriter(text)) {
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
        try {
            AtomicFiles.writeString(csv, text.toString());
        } catch (IOException e) {
            throw OutputFile.cannotWrite(csv, e);
        }
        System.out.println("written: " + csv);
        return 0;
    }

    /** The jar to cold-start, or null to skip; a jar the user names must be there. */
    private Path coldStartJar() {
        if (jar == null) {
            if (Files.isRegularFile(BUILT_JAR)) {
                return BUILT_JAR;
            }
            System.err.println(
                    "no "
                            + BUILT_JAR
                            + ": the cold start is not measured (build it, or pass --jar)");
            return null;
        }
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            throw new TextvaeException(
                    TextvaeException.Kind.IO, "--jar: no readable jar at " + jar);
        }
        return jar;
    }

    /**
     * Loads the model once here, so that a wrong --model fails now in one line rather than minutes
     * later inside the generation JVM. Returns its checkpoint file, or null for the packed one.
     */
    private Path checkModel() {
        if (model.equals("default")) {
            return null;
        }
        Path path = Path.of(model);
        try (SentenceVae ignored = SentenceVae.load(path)) {
            return ModelFiles.checkpointFile(path);
        }
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
