package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

/**
 * Commands that score a model default to the corpus its run recorded, wherever in the run folder
 * --model points; the shipped model and bare checkpoints to the Tang lines.
 */
class RecordedCorpusTest {

    @TempDir Path directory;

    private Path run(String configJson) throws Exception {
        Path run = directory.resolve("run");
        Files.createDirectories(run.resolve("checkpoints"));
        Files.writeString(run.resolve("checkpoints/best.ckpt"), "weights");
        Files.writeString(run.resolve("config.json"), configJson);
        return run;
    }

    @Test
    void theRunsCorpusFromTheFolderItsCheckpointsOrACheckpointInThem() throws Exception {
        Path english = Files.writeString(directory.resolve("en.csv"), "text,split\na b,train\n");
        Path run = run("{\"corpus\": \"" + english.toString().replace("\\", "\\\\") + "\"}");
        assertEquals(english, RecordedCorpus.of(null, run));
        assertEquals(english, RecordedCorpus.of(null, run.resolve("checkpoints")));
        assertEquals(english, RecordedCorpus.of(null, run.resolve("checkpoints/best.ckpt")));
        Path given = directory.resolve("other.csv");
        assertEquals(given, RecordedCorpus.of(given, run));
    }

    @Test
    void theShippedModelABareCheckpointAndAForeignConfigGetTheTangLines() throws Exception {
        assertEquals(RecordedCorpus.TANG, RecordedCorpus.of(null, null));
        Path bare = Files.writeString(directory.resolve("bare.ckpt"), "weights");
        assertEquals(RecordedCorpus.TANG, RecordedCorpus.of(null, bare));
        assertEquals(RecordedCorpus.TANG, RecordedCorpus.of(null, run("[1, 2, 3]")));
    }

    @Test
    void aRecordedCorpusThatIsGoneIsAUsageErrorNamingIt() throws Exception {
        Path run = run("{\"corpus\": \"corpora/gone.csv\"}");
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> RecordedCorpus.of(null, run));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("corpora/gone.csv"), e.getMessage());
        CommandLineTest.Outcome quality = CommandLineTest.run("quality", "--model", run.toString());
        OptionBoundsTest.assertUsageError(quality, "was trained on corpora/gone.csv");
    }

    @Test
    void aMissingModelIsReportedBeforeTheDefaultCorpus() {
        Path missing = directory.resolve("none.ckpt");
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> RecordedCorpus.of(null, missing));
        assertEquals(TextvaeException.Kind.MODEL, e.kind());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        for (String command : new String[] {"quality", "eval"}) {
            CommandLineTest.Outcome outcome =
                    CommandLineTest.run(command, "--model", missing.toString());
            assertEquals(4, outcome.exitCode(), command + ": " + outcome.err());
            assertTrue(outcome.err().contains("no checkpoint at"), outcome.err());
        }
    }
}
