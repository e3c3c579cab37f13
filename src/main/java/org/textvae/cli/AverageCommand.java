package org.textvae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;
import org.textvae.model.ModelFiles;
import org.textvae.model.WeightAverage;
import org.textvae.train.ResumeEntries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code textvae average}: one model whose weights are the mean of several checkpoints. */
@Command(
        mixinStandardHelpOptions = true,
        name = "average",
        showDefaultValues = true,
        description = {
            "Average the weights of several checkpoints of one run.",
            "Writes a model whose every weight is the mean of that weight in the given checkpoints"
                    + " (checkpoint averaging, as in Polyak averaging and stochastic weight"
                    + " averaging). Checkpoints saved along one run, e.g. at the ends of its last"
                    + " few epochs (train --keep-epochs), sit near each other, and their mean can"
                    + " score better on held-out text than any one of them: check with eval. The"
                    + " result holds no training state, so it cannot be resumed. Checkpoints of"
                    + " different runs are refused: each names the run that wrote it (when it"
                    + " started), even where two runs share their settings."
        },
        footer = {
            "",
            "Example:",
            "  textvae train ... --keep-epochs --out runs/tang",
            "  textvae average --out runs/tang/mean.ckpt \\",
            "      runs/tang/checkpoints/epoch-01{0,1,2}.ckpt",
            "  textvae eval --model runs/tang/mean.ckpt --corpus corpora/tang.csv.gz \\",
            "      --split valid"
        })
final class AverageCommand implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "Checkpoint files or run folders (their best checkpoint), of one run.")
    List<Path> models;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "File to write (an existing one only with --force).")
    Path out;

    @Mixin OutputFile output;

    /**
     * What makes two paths one file: its inode where the file system has one (symbolic and hard
     * links alike), else its real path; a missing file is reported when it is read.
     */
    private static Object identity(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    @Override
    public Integer call() {
        List<Path> files = models.stream().map(ModelFiles::checkpointFile).toList();
        output.check(out, files.toArray(Path[]::new));
        Map<Object, Path> seen = new HashMap<>();
        for (Path file : files) {
            Path earlier = seen.putIfAbsent(identity(file), file);
            if (earlier != null) {
                throw new TextvaeException(
                        TextvaeException.Kind.USAGE,
                        (earlier.equals(file)
                                        ? file + " is given twice"
                                        : earlier
                                                + " and "
                                                + file
                                                + " are the same checkpoint file")
                                + "; each checkpoint counts once in the mean");
            }
        }
        if (Files.isRegularFile(out) && ResumeEntries.resumable(Checkpoint.read(out))) {
            // --force replaces files, but this one would cost its run the ability to resume.
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    out
                            + " is a run's resumable checkpoint, which a weights-only mean would"
                            + " replace; write the mean to another file");
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Path file : files) {
            checkpoints.add(Checkpoint.read(file));
        }
        List<String> names = files.stream().map(Path::toString).toList();
        try {
            WeightAverage.of(checkpoints, names).writeTo(out);
        } catch (IOException e) {
            throw OutputFile.cannotWrite(out, e);
        }
        System.out.printf("wrote %s: the mean of %d checkpoints%n", out, checkpoints.size());
        return 0;
    }
}
