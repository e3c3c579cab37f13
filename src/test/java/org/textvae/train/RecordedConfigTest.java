package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

/**
 * A resume checks the run folder's config.json against its checkpoint: a damaged or edited one is
 * refused in one line naming the file and the field, before anything is written.
 */
class RecordedConfigTest {

    @TempDir static Path dir;
    private static Path run;
    private static String original;

    @BeforeAll
    static void trainFiveSteps() throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        run = dir.resolve("run");
        TrainingRun.start(tiny.job(run, 1, 5), line -> {}, false);
        original = Files.readString(run.resolve("config.json"));
    }

    private static String refusal(String config) throws Exception {
        Path file = run.resolve("config.json");
        Files.writeString(file, config);
        try {
            TextvaeException error =
                    assertThrows(
                            TextvaeException.class,
                            () -> TrainingRun.resume(run, null, 6L, line -> {}, false));
            assertEquals(TextvaeException.Kind.INPUT, error.kind(), error.getMessage());
            assertTrue(error.getMessage().startsWith(file.toString()), error.getMessage());
            return error.getMessage();
        } finally {
            Files.writeString(file, original);
        }
    }

    @Test
    void aConfigThatIsNotAnObjectIsRefused() throws Exception {
        assertTrue(refusal("[1,2,3]").contains("is not a JSON object"));
        assertTrue(refusal("{\"model\": ").contains("is not JSON"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        String message = refusal(original.replace("\"batchSize\": 4", "\"batchSize\": \"four\""));
        assertTrue(message.contains("field training.batchSize is a string, not a number"), message);
        message = refusal(original.replaceFirst("\"model\": \\{", "\"model\": 3, \"x\": {"));
        assertTrue(message.contains("field model is a number, not an object"), message);
    }

    @Test
    void anEditedSettingIsRefusedButAnExtendedLimitIsNot() throws Exception {
        String message = refusal(original.replace("\"batchSize\": 4", "\"batchSize\": 8"));
        assertTrue(
                message.contains("field training.batchSize is 8 but the run's checkpoint holds 4"),
                message);
        Files.writeString(
                run.resolve("config.json"), original.replace("\"maxSteps\": 5", "\"maxSteps\": 3"));
        assertEquals(6, TrainingRun.resume(run, null, 6L, line -> {}, false).state().step());
    }
}
