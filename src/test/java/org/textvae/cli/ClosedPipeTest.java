package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.TinyModel;
import org.textvae.model.ModelKind;

/**
 * {@code textvae generate | head -1}: a reader that stops reading is ordinary use, so the command
 * ends quietly with exit 0 (a pipeline under {@code set -o pipefail} must not fail), as git does.
 */
class ClosedPipeTest {

    @Test
    void aReaderThatStopsEarlyEndsTheCommandQuietly(@TempDir Path directory) throws Exception {
        Path model = TinyModel.write(directory, ModelKind.VAE, List.of("春眠不覺曉", "處處聞啼鳥"), 4, 3);
        Process process =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                Main.class.getName(),
                                "generate",
                                "--model",
                                model.toString(),
                                "-n",
                                "1000000")
                        .redirectError(ProcessBuilder.Redirect.PIPE)
                        .start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertNotNull(out.readLine());
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "generate kept running");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        assertFalse(err.contains("cannot write"), err);
    }
}
