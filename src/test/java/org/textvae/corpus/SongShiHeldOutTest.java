package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

class SongShiHeldOutTest {

    // Lines whose CRC32 is 0 mod 800, so they fall in the sample (checked in
    // sampleLinesFollowCrc32).
    private static final String SAMPLED_5 = "寒江雪心春";
    private static final String SAMPLED_7 = "白云深处江山远";
    private static final String SAMPLED_7_LATER = "孤舟夜泊山雪月";
    private static final String SAMPLED_IN_TANG = "寒江花长风";
    private static final String SAMPLED_6 = "落花山水长水";
    // Lines outside the sample.
    private static final List<String> UNSAMPLED = List.of("春眠不觉晓", "两个黄鹂鸣翠柳", "床前明月光");

    @TempDir Path dir;

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "dist/quantangshi/poet.tang.0.json",
                poem(UNSAMPLED.get(0) + "，" + SAMPLED_IN_TANG + "。"));
        files.put(
                "dist/quantangshi/poet.song.1000.json",
                poem(SAMPLED_7_LATER + "，" + SAMPLED_5 + "。"));
        files.put(
                "dist/quantangshi/poet.song.0.json",
                poem(
                        SAMPLED_5 + "，" + UNSAMPLED.get(1) + "。",
                        SAMPLED_IN_TANG + "？" + SAMPLED_6 + "！" + SAMPLED_7 + "；",
                        UNSAMPLED.get(2) + "，" + SAMPLED_5 + "。"));
        files.put("dist/songci/ci.song.0.json", poem("气和玉烛，睿化著鸿明。"));
        return files;
    }

    private static String poem(String... paragraphs) {
        return "[{\"author\":\"a\",\"paragraphs\":[\""
                + String.join("\",\"", paragraphs)
                + "\"],\"title\":\"t\",\"id\":\"x\"}]";
    }

    private Path writePackage(String name, Map<String, String> files) throws IOException {
        Path root = dir.resolve(name);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    private static ImportSummary importSongShi(Path source, Path out) {
        return ChinesePoetryImporter.importTo(source, out, List.of(PoetryCollection.SONGSHI))
                .get(0);
    }

    @Test
    void sampleLinesFollowCrc32() {
        HeldOut heldOut = PoetryCollection.SONGSHI.heldOut().orElseThrow();
        assertEquals(PoetryCollection.TANG, heldOut.unseenBy());
        for (String line :
                List.of(SAMPLED_5, SAMPLED_7, SAMPLED_7_LATER, SAMPLED_IN_TANG, SAMPLED_6)) {
            assertEquals(0, crc32(line) % heldOut.oneIn(), line);
            assertTrue(heldOut.samples(line), line);
        }
        for (String line : UNSAMPLED) {
            assertFalse(heldOut.samples(line), line);
        }
    }

    @Test
    void onlySongshiIsANameAndUnknownNamesListAllThree() {
        assertEquals(PoetryCollection.SONGSHI, PoetryCollection.fromLabel("SongShi"));
        assertEquals("songshi.csv.gz", PoetryCollection.SONGSHI.fileName());
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> PoetryCollection.fromLabel("song"));
        assertEquals(TextvaeException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().endsWith("use one of tang, songci, songshi"), e.getMessage());
    }

    @Test
    void keepsSampledSongLinesTheTangCorpusLacks() throws IOException {
        Path out = dir.resolve("out");
        ImportSummary summary = importSongShi(writePackage("package", files()), out);
        // The Tang line is left out although tang.csv.gz itself is not written.
        assertEquals(
                List.of(
                        "text,split",
                        SAMPLED_5 + ",test",
                        SAMPLED_7 + ",test",
                        SAMPLED_7_LATER + ",test"),
                rows(out.resolve("songshi.csv.gz")));
        assertFalse(Files.exists(out.resolve("tang.csv.gz")));
        assertEquals(1, summary.heldElsewhere());
        assertEquals(2, summary.duplicates()); // the sampled 5-character line twice more
        assertEquals(1, summary.rejected()); // the 6-character line
        assertEquals(Map.of(5, 1, 7, 2), summary.lengths());
        assertEquals(3, summary.test());
        assertEquals(0, summary.train() + summary.valid());
    }

    @Test
    void aLineIsKeptOrNotWhateverElseThePackageHolds() throws IOException {
        Path small = writePackage("small", files());
        Map<String, String> more = files();
        more.put("dist/quantangshi/poet.song.500.json", poem("孤舟夜泊山山月，寒江月春来。", "寒江花江长，秋夜寂寥人不眠。"));
        more.put("dist/quantangshi/poet.tang.1000.json", poem("孤舟夜泊山山月。"));
        importSongShi(small, dir.resolve("small-out"));
        importSongShi(writePackage("more", more), dir.resolve("more-out"));
        Set<String> before = Set.copyOf(rows(dir.resolve("small-out/songshi.csv.gz")));
        Set<String> after = new HashSet<>(rows(dir.resolve("more-out/songshi.csv.gz")));
        assertTrue(after.containsAll(before), after::toString);
        // Of the new lines, only the sampled ones that the Tang poems lack were added.
        after.removeAll(before);
        assertEquals(Set.of("寒江月春来,test", "寒江花江长,test"), after);
    }

    @Test
    void writesTheSameBytesFromFolderAndTgzAndOnEveryRun() throws IOException {
        Path folder = writePackage("package", files());
        TarBuilder tar = new TarBuilder();
        files().forEach(
                        (path, content) ->
                                tar.file(
                                        "package/" + path,
                                        content.getBytes(StandardCharsets.UTF_8),
                                        false));
        Path tgz = dir.resolve("chinese-poetry.tgz");
        tar.writeTo(tgz);
        importSongShi(folder, dir.resolve("a"));
        importSongShi(folder, dir.resolve("b"));
        importSongShi(tgz, dir.resolve("c"));
        byte[] first = Files.readAllBytes(dir.resolve("a/songshi.csv.gz"));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("b/songshi.csv.gz")));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("c/songshi.csv.gz")));
    }

    @Test
    void theCommittedSetReadsAsTestLinesUnseenByTheTangCorpus() throws IOException {
        Corpus songShi = CorpusReader.read(Path.of("corpora/songshi.csv.gz"));
        assertEquals(List.of(), songShi.train());
        assertEquals(List.of(), songShi.valid());
        assertEquals(0, songShi.skipped());
        assertEquals(2_628, songShi.test().size());
        assertEquals(1_296, songShi.test().stream().filter(l -> codePoints(l) == 5).count());
        assertEquals(1_332, songShi.test().stream().filter(l -> codePoints(l) == 7).count());
        Set<String> lines = Set.copyOf(songShi.test());
        assertEquals(songShi.test().size(), lines.size());
        for (String line : lines) {
            assertTrue(PoetryCollection.SONGSHI.samples(line), line);
        }
        // Each Tang row, in any split, read as it streams by: Han text, a comma, the split.
        try (BufferedReader tang =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(
                                        Files.newInputStream(Path.of("corpora/tang.csv.gz"))),
                                StandardCharsets.UTF_8))) {
            assertEquals("text,split", tang.readLine());
            tang.lines().forEach(row -> assertFalse(lines.contains(row.split(",")[0]), row));
        }
    }

    private static int codePoints(String line) {
        return line.codePointCount(0, line.length());
    }

    private static long crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static List<String> rows(Path csvGz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(csvGz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
