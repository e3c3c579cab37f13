package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code textvae verse} scores the poems of a corpus with the bundled table. */
class VerseCommandTest {

    private static Path corpus(Path dir, String... rows) throws Exception {
        Path file = dir.resolve("poems.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("id,title,author,lines,split\n".getBytes(StandardCharsets.UTF_8));
            for (String row : rows) {
                out.write((row + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    @Test
    void aRhymingQuatrainAndOneThatDoesNotRhymeScoreHalf(@TempDir Path dir) throws Exception {
        Path poems =
                corpus(
                        dir,
                        "a,登鸛雀樓,王之渙,白日依山盡/黃河入海流/欲窮千里目/更上一層樓,test",
                        "b,變,無名,白日依山盡/黃河入海流/欲窮千里目/更上一層天,test",
                        "c,不計,無名,白日依山盡/黃河入海流,train");
        CommandLineTest.Outcome scored = CommandLineTest.run("verse", "--corpus", poems.toString());
        assertEquals(0, scored.exitCode(), scored.err());
        assertTrue(
                scored.out().contains("split test: 2 poems, 100.0% in a regulated form"),
                scored.out());
        String quatrains =
                scored.out().lines().filter(l -> l.startsWith("| 五絕 |")).findFirst().orElseThrow();
        assertTrue(quatrains.startsWith("| 五絕 | 2 | 50.0% |"), quatrains);
    }

    @Test
    void anUnknownSplitIsAOneLineUsageError(@TempDir Path dir) throws Exception {
        Path poems = corpus(dir, "a,t,p,白日依山盡/黃河入海流/欲窮千里目/更上一層樓,test");
        CommandLineTest.Outcome refused =
                CommandLineTest.run("verse", "--corpus", poems.toString(), "--split", "dev");
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("'dev' is not train, valid, test or all"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
    }
}
