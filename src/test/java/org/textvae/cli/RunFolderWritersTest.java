package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.TinyModel;
import org.textvae.model.ModelKind;
import org.textvae.train.RunLock;

/**
 * Commands that write into a run folder (eval's CSV and plot, plot's pictures, prior rewriting the
 * run's checkpoint) wait for no one: while a training process holds the folder they refuse in one
 * line and write nothing; once it ends they go ahead.
 */
class RunFolderWritersTest {

    @Test
    void evalPlotAndPriorRefuseARunFolderThatIsBeingTrained(@TempDir Path directory)
            throws Exception {
        Path run = directory.resolve("run");
        Files.createDirectories(run.resolve("checkpoints"));
        Path model = TinyModel.write(directory, ModelKind.VAE, List.of("春眠不覺曉", "處處聞啼鳥"), 4, 5);
        Files.copy(model, run.resolve("checkpoints/best.ckpt"));
        Path corpus = CommandLineTest.tinyCorpus(directory);
        Files.writeString(run.resolve("config.json"), "{\"corpus\": \"" + corpus + "\"}");
        String[][] writers = {
            {"eval", "--model", run.toString(), "--iw-samples", "2", "--samples", "10"},
            {"plot", "--model", run.toString()},
            {"prior", "--model", run.toString(), "--kind", "posteriors", "--lines", "4"},
        };
        byte[] before = Files.readAllBytes(run.resolve("checkpoints/best.ckpt"));
        try (RunLock training = RunLock.forWriting(run, "train", "")) {
            for (String[] args : writers) {
                OptionBoundsTest.assertUsageError(
                        CommandLineTest.run(args), "which a training process");
            }
        }
        assertFalse(Files.exists(run.resolve("eval-test.csv")), "eval wrote nothing while refused");
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                before, Files.readAllBytes(run.resolve("checkpoints/best.ckpt")));
        for (String[] args : writers) {
            CommandLineTest.Outcome after = CommandLineTest.run(args);
            assertFalse(after.err().contains("which a training process"), after.err());
        }
    }
}
