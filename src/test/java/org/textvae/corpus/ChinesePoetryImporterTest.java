package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;

class ChinesePoetryImporterTest {

    /** Files of a fake package; names chosen so that string order and number order differ. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put(
                "dist/quantangshi/poet.tang.0.json",
                "[{\"author\":\"a\",\"paragraphs\":[\"床前明月光，疑是地上霜。\",\"举头望明月，低头思故乡。\"]},"
                        + "{\"paragraphs\":[\"床前明月光，abcde。\",\"白日依山尽？黄河入海流！欲穷千里目；更上一层楼。\","
                        + "\"一二三四，一二三四五六七八。\",\"千山鸟飞绝、万径人踪灭。\",\" 𠀀山鸟飞绝 ，孤舟蓑笠翁\","
                        + "\"两个黄鹂鸣翠柳，一行白鹭上青天。\"]}]");
        FILES.put(
                "dist/quantangshi/poet.tang.1000.json",
                "[{\"paragraphs\":[\"春眠不觉晓，处处闻啼鸟。\"],\"title\":\"t\"}]");
        FILES.put(
                "dist/quantangshi/poet.tang.200.json",
                "[{\"paragraphs\":[\"红豆生南国，春来发几枝。\",\"床前明月光。\"]}]");
        FILES.put("dist/quantangshi/poet.song.0.json", "[{\"paragraphs\":[\"不应出现啊，不应出现哦。\"]}]");
        FILES.put("dist/quantangshi/唐诗三百首.json", "[{\"paragraphs\":[\"不应出现啊。\"]}]");
        FILES.put(
                "dist/songci/ci.song.0.json",
                "[{\"paragraphs\":[\"气和玉烛，睿化著鸿明。\",\"缇管一阳生。\",\"千山、万径！一。\","
                        + "\"一二三四五六七八九十一二三。\"],\"rhythmic\":\"导引\"}]");
        FILES.put("dist/songci/宋词三百首.json", "[{\"paragraphs\":[\"不应出现啊。\"]}]");
        FILES.put("dist/songci/author.song.json", "[{\"name\":\"x\",\"description\":\"不应出现。\"}]");
    }

    private static final List<String> TANG =
            List.of(
                    "床前明月光", "疑是地上霜", "举头望明月", "低头思故乡", "白日依山尽", "黄河入海流", "欲穷千里目", "更上一层楼",
                    "𠀀山鸟飞绝", "孤舟蓑笠翁", "两个黄鹂鸣翠柳", "一行白鹭上青天", "红豆生南国", "春来发几枝", "春眠不觉晓", "处处闻啼鸟");

    private static final List<String> SONGCI = List.of("气和玉烛", "睿化著鸿明", "缇管一阳生", "千山", "万径");

    @TempDir Path dir;
    private Path packageDir;

    @BeforeEach
    void writePackage() throws IOException {
        packageDir = dir.resolve("package");
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Path path = packageDir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsExactlyTheHanLinesOfAcceptedLengthsInFirstOccurrenceOrder() throws IOException {
        List<ImportSummary> summaries = importAll(packageDir, dir.resolve("out"));
        assertEquals(TANG, texts(dir.resolve("out/tang.csv.gz")));
        assertEquals(SONGCI, texts(dir.resolve("out/songci.csv.gz")));
        ImportSummary tang = summaries.get(0);
        assertEquals(TANG.size(), tang.lines());
        assertEquals(2, tang.duplicates());
        assertEquals(4, tang.rejected());
        assertEquals(FileDigest.sha256Hex(tang.file()), tang.sha256());
        assertEquals(2, summaries.get(1).rejected());
    }

    @Test
    void writesSplitColumnAndIdenticalBytesOnEveryRun() throws IOException {
        importAll(packageDir, dir.resolve("a"));
        importAll(dir, dir.resolve("b")); // the parent of package/ works too
        byte[] first = Files.readAllBytes(dir.resolve("a/tang.csv.gz"));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("b/tang.csv.gz")));
        List<String> rows = lines(dir.resolve("a/tang.csv.gz"));
        assertEquals("text,split", rows.get(0));
        assertEquals("床前明月光," + DeterministicSplit.of("床前明月光").label(), rows.get(1));
    }

    @Test
    void readsTheSameFilesFromAHandMadeTgz() throws IOException {
        TarBuilder tar = new TarBuilder();
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            String path = "package/" + file.getKey();
            if (path.chars().allMatch(c -> c < 128)) {
                tar.file(path, content, path.contains("200"));
            } else {
                tar.paxFile(path, content);
            }
        }
        Path tgz = dir.resolve("chinese-poetry.tgz");
        tar.writeTo(tgz);
        importAll(packageDir, dir.resolve("from-dir"));
        importAll(tgz, dir.resolve("from-tgz"));
        for (String name : List.of("tang.csv.gz", "songci.csv.gz", "songshi.csv.gz")) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("from-dir").resolve(name)),
                    Files.readAllBytes(dir.resolve("from-tgz").resolve(name)));
        }
    }

    @Test
    void rejectsDamagedArchivesAndMissingPackages() throws IOException {
        Path junk = Files.write(dir.resolve("junk.tgz"), new byte[] {1, 2, 3});
        TextvaeException e = assertThrows(TextvaeException.class, () -> importAll(junk, dir));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        e = assertThrows(TextvaeException.class, () -> importAll(dir.resolve("none"), dir));
        assertEquals(TextvaeException.Kind.IO, e.kind());
    }

    @Test
    void aFolderThatIsNotThePackageIsNamedAsSuch() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "not a package");
        TextvaeException e = assertThrows(TextvaeException.class, () -> importAll(other, dir));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("chinese-poetry npm package"), e.getMessage());
    }

    private static List<ImportSummary> importAll(Path source, Path out) {
        return ChinesePoetryImporter.importTo(source, out, List.of(PoetryCollection.values()));
    }

    private static List<String> texts(Path csvGz) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String row : lines(csvGz).subList(1, lines(csvGz).size())) {
            texts.add(row.substring(0, row.indexOf(',')));
        }
        return texts;
    }

    private static List<String> lines(Path csvGz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(csvGz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
