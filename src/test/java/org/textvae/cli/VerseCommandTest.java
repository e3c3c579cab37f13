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

    /** Training, valid and test poems enough for the coherence judge and the theme judge. */
    private static Path smallCorpus(Path dir) throws Exception {
        String[] poems = {
            "白日依山盡/黃河入海流/欲窮千里目/更上一層樓",
            "床前明月光/疑是地上霜/舉頭望明月/低頭思故鄉",
            "千山鳥飛絕/萬徑人蹤滅/孤舟蓑笠翁/獨釣寒江雪",
            "紅豆生南國/春來發幾枝/願君多采擷/此物最相思",
        };
        String[] rows = new String[32];
        for (int i = 0; i < rows.length; i++) {
            String split = i < 24 ? "train" : i < 28 ? "valid" : "test";
            rows[i] = "p" + i + ",t,a," + poems[i % poems.length] + "," + split;
        }
        return corpus(dir, rows);
    }

    @Test
    void themedPoemsHoldTheirWordMoreOftenThanUntargetedOnes(@TempDir Path dir) throws Exception {
        CommandLineTest.Outcome themed =
                CommandLineTest.run(
                        "verse",
                        "--corpus",
                        smallCorpus(dir).toString(),
                        "--generate",
                        "40",
                        "--themes",
                        "月");
        assertEquals(0, themed.exitCode(), themed.err());
        String row =
                themed.out()
                        .lines()
                        .filter(l -> l.startsWith("| 月 | 五絕 |"))
                        .findFirst()
                        .orElseThrow();
        String[] cells = row.split("\\|");
        // cell 5: "themed% (untargeted%)" of poems that hold the word
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("([0-9.]+)% \\(([0-9.]+)%\\)").matcher(cells[5]);
        assertTrue(m.find(), row);
        assertTrue(Double.parseDouble(m.group(1)) > Double.parseDouble(m.group(2)) + 20, row);
        assertTrue(cells[4].contains("明"), "real poems pair 月 with 明: " + row);
    }

    @Test
    void themesNeedGenerate(@TempDir Path dir) throws Exception {
        CommandLineTest.Outcome refused =
                CommandLineTest.run(
                        "verse", "--corpus", smallCorpus(dir).toString(), "--themes", "月");
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("--themes needs --generate"), refused.err());
    }

    @Test
    void qualityPrintsThePoemFiguresBesideTheTestPoems(@TempDir Path dir) throws Exception {
        Path lines = dir.resolve("lines.csv");
        Files.writeString(lines, "text,split\n春眠不覺曉,train\n處處聞啼鳥,train\n夜來風雨聲,test\n花落知多少,test\n");
        CommandLineTest.Outcome quality =
                CommandLineTest.run(
                        "quality",
                        "--corpus",
                        lines.toString(),
                        "--samples",
                        "100",
                        "--pairs",
                        "1",
                        "--seed",
                        "2",
                        "--lines",
                        "2",
                        "--poems",
                        "10",
                        "--poem-corpus",
                        smallCorpus(dir).toString());
        assertEquals(0, quality.exitCode(), quality.err());
        assertEquals(
                3,
                quality.out().lines().filter(l -> l.startsWith("| 五絕 |")).count(),
                "the test poems', the model's and the coherence rows: " + quality.out());
        assertTrue(quality.out().contains("poems of each form from the model"), quality.out());
    }
}
