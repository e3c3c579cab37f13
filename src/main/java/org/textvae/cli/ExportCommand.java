package org.textvae.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.poetry.LineSuccession;
import org.textvae.prior.PriorEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae export}: a checkpoint stripped to what inference needs. */
@Command(
        mixinStandardHelpOptions = true,
        name = "export",
        showDefaultValues = true,
        description = {
            "Strip a checkpoint to what inference needs.",
            "Writes the settings, vocabulary and weights of a run's best checkpoint (or of a given"
                    + " .ckpt) and fitted prior without its training state (Adam moments, run position): a third of"
                    + " the size, for shipping. The default model packed into the jar is made this"
                    + " way."
        },
        footer = {
            "",
            "Example, replacing the model packed into the jar:",
            "  textvae export --model runs/tang \\",
            "      --out src/main/resources/org/textvae/default-model.ckpt --force"
        })
final class ExportCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "PATH",
            description = "Run folder (its best checkpoint) or .ckpt file.")
    Path model;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "File to write (an existing one only with --force).")
    Path out;

    @Mixin OutputFile output;

    @Override
    public Integer call() {
        Path file = ModelFiles.checkpointFile(model);
        output.check(out, file);
        Checkpoint full = Checkpoint.read(file);
        try {
            new Checkpoint(full.config(), full.tokenizerJson(), full.weights(), inference(full))
                    .writeTo(out);
        } catch (IOException e) {
            throw OutputFile.cannotWrite(out, e);
        }
        System.out.printf("wrote %s (%,d bytes of weights)%n", out, full.weights().length);
        return 0;
    }

    /**
     * The entries inference reads besides the weights: the fitted prior and the line succession,
     * where there are.
     */
    private static Map<String, byte[]> inference(Checkpoint full) {
        Map<String, byte[]> kept = new LinkedHashMap<>();
        for (String name : new String[] {PriorEntry.NAME, LineSuccession.ENTRY}) {
            byte[] entry = full.extras().get(name);
            if (entry != null) {
                kept.put(name, entry);
            }
        }
        return kept;
    }
}
