package org.textvae.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.TextvaeException;
import org.textvae.poetry.Poem;
import org.textvae.poetry.Tone;
import org.textvae.poetry.ToneTable;

class PoemsAndTonesTest {

    private static final String MARKS = "\"仄仄平平仄，平平仄仄平。\",\"仄平平仄仄，仄仄仄平平。\"";

    private static final String POEMS =
            "["
                    + poem("p1", "白日依山盡，黃河入海東。", "欲窮千里目，更上一層風。")
                    + ","
                    + poem("p2", "白日依山盡，黃河入海中。", "欲窮千里目，更上一層風。")
                    + ","
                    + poem("p3", "白日依山盡，黃河入海陽。", "欲窮千里目，更上一層光。")
                    + ","
                    + poem("p4", "看日依山盡，黃河入海陽。", "看窮千里目，更上一層光。")
                    + ","
                    + poem("dup", "白日依山盡，黃河入海東。", "欲窮千里目，更上一層風。")
                    + ","
                    + poem("lost", "白日依山囗，黃河入海東。")
                    + ","
                    + poem("mixed", "白日依山盡，黃河入海流水。")
                    + ","
                    + poem("latin", "白日依山盡，abcde。")
                    + "]";

    private static final String STRAINS =
            "[{\"id\":\"p1\",\"strains\":["
                    + MARKS
                    + "]},{\"id\":\"p2\",\"strains\":["
                    + MARKS
                    + "]},{\"id\":\"p3\",\"strains\":["
                    + MARKS
                    + "]},{\"id\":\"p4\",\"strains\":[\"平仄平平仄，平平仄仄平。\",\"仄平平仄仄，仄仄仄平平。\"]}]";

    @TempDir Path dir;
    private Path poetry;
    private Path opencc;

    private static String poem(String id, String... paragraphs) {
        StringBuilder json =
                new StringBuilder(
                        "{\"id\":\""
                                + id
                                + "\",\"title\":\"題, \\\""
                                + id
                                + "\\\"\",\"author\":\"a\",\"paragraphs\":[");
        for (int i = 0; i < paragraphs.length; i++) {
            json.append(i > 0 ? "," : "").append('"').append(paragraphs[i]).append('"');
        }
        return json.append("]}").toString();
    }

    @BeforeEach
    void writePackages() throws IOException {
        poetry = dir.resolve("poetry.tgz");
        new TarBuilder()
                .file("package/dist/quantangshi/poet.tang.0.json", bytes(POEMS), false)
                .file("package/dist/strains/json/poet.tang.0.json", bytes(STRAINS), true)
                .writeTo(poetry);
        opencc = dir.resolve("opencc");
        Path table = opencc.resolve("package/" + OpenccCharacters.FILE);
        Files.createDirectories(table.getParent());
        Files.writeString(table, "export default \"東 东|風 风|陽 阳|乾 干|幹 干\";\n");
    }

    @Test
    void importsWholePoemsByTheRuleAndReadsThemBack() {
        TangPoemImporter.Summary summary = TangPoemImporter.importTo(poetry, dir.resolve("out"));
        assertEquals(4, summary.poems());
        assertEquals(1, summary.duplicates());
        assertEquals(3, summary.rejected());
        List<PoemCorpusFile.Entry> read = PoemCorpusFile.read(summary.file());
        assertEquals(
                List.of("p1", "p2", "p3", "p4"), read.stream().map(e -> e.poem().id()).toList());
        Poem first = read.get(0).poem();
        assertEquals("題, \"p1\"", first.title());
        assertEquals(List.of("白日依山盡", "黃河入海東", "欲窮千里目", "更上一層風"), first.lines());
        read.forEach(e -> assertEquals(DeterministicSplit.of(e.poem().text()), e.split()));
    }

    @Test
    void importingTwiceGivesTheSameBytes() throws IOException {
        Path a = TangPoemImporter.importTo(poetry, dir.resolve("a")).file();
        Path b = TangPoemImporter.importTo(poetry, dir.resolve("b")).file();
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void buildsTonesGroupsAndSimplifiedRowsReproducibly() throws IOException {
        for (String text : List.of("p1", "p2", "p3", "p4")) {
            // The builder reads training poems only; the fixture's poems must all be there.
            assertEquals(Split.TRAIN, splitOfFixture(text));
        }
        ToneTableBuilder.Result result = ToneTableBuilder.build(poetry, opencc);
        ToneTable table = result.table();
        assertEquals(4, result.markedPoems());
        assertEquals(Tone.ZE, table.toneOf('盡'));
        assertEquals(Tone.PING, table.toneOf('依'));
        assertEquals(4, table.entry('盡').orElseThrow().zeMarks());
        assertEquals(Tone.EITHER, table.toneOf('看')); // once 平, once 仄
        // How the groups are cut is RhymeGroupsTest's business; here: who gets groups at all.
        for (int rhyme : "東中風陽光".codePoints().toArray()) {
            assertEquals(1, table.groupsOf(rhyme).size(), Character.toString(rhyme));
        }
        assertEquals(List.of(), table.groupsOf('盡')); // never at a rhyme
        assertEquals(List.of(), table.groupsOf('流')); // not in the training poems at all
        assertEquals("風", table.entry('风').orElseThrow().from());
        assertEquals(table.groupsOf('風'), table.groupsOf('风'));
        assertEquals(false, table.covers('干')); // neither 乾 nor 幹 is in these poems
        String again = ToneTableBuilder.build(poetry, opencc).table().format();
        assertEquals(table.format(), again);
    }

    @Test
    void aPackageWithoutStrainsIsAOneLineInputError() throws IOException {
        Path bare = dir.resolve("bare.tgz");
        new TarBuilder()
                .file("package/dist/quantangshi/poet.tang.0.json", bytes(POEMS), false)
                .writeTo(bare);
        TextvaeException e =
                assertThrows(TextvaeException.class, () -> ToneTableBuilder.build(bare, opencc));
        assertEquals(TextvaeException.Kind.INPUT, e.kind());
    }

    private Split splitOfFixture(String id) {
        return TangPoemImporter.extract(poetry).poems().stream()
                .filter(p -> p.id().equals(id))
                .map(PoemCorpusFile::splitOf)
                .findFirst()
                .orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
