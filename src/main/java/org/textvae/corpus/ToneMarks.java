package org.textvae.corpus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.textvae.poetry.Poem;

/**
 * Counts how often the package's {@code dist/strains} files mark each character 平 or 仄. Those files
 * hold, per poem id, the poem's paragraphs with each character replaced by its mark (平, 仄, or
 * another sign where the mark is unknown). A poem's marks are used only when they cut into lines of
 * exactly the poem's line lengths, so that every mark stands beside its character.
 */
final class ToneMarks {

    /** Per character, marks 平 [0] and 仄 [1]. */
    private final Map<Integer, int[]> counts = new TreeMap<>();

    private int aligned;
    private int misaligned;

    /** Counts the marks of the given poems, looked up by id in the package's strains files. */
    static ToneMarks count(Path packagePath, List<Poem> poems) {
        Map<String, List<String>> strains = new HashMap<>();
        for (PoetryPackage.SourceFile file :
                PoetryPackage.loadMatching(
                        packagePath,
                        "dist/strains/json/poet.tang.*.json files",
                        p -> p.matches("dist/strains/json/poet\\.tang\\.[^/]*\\.json"))) {
            for (JsonElement element : PoemExtractor.parseArray(file)) {
                if (element.isJsonObject()) {
                    JsonObject entry = element.getAsJsonObject();
                    JsonElement id = entry.get("id");
                    if (id != null && id.isJsonPrimitive()) {
                        strains.put(id.getAsString(), PoemExtractor.lines(entry.get("strains")));
                    }
                }
            }
        }
        ToneMarks marks = new ToneMarks();
        poems.forEach(p -> marks.add(p, strains.get(p.id())));
        return marks;
    }

    private void add(Poem poem, List<String> marks) {
        if (marks == null || !aligns(poem.lines(), marks)) {
            misaligned++;
            return;
        }
        aligned++;
        for (int i = 0; i < marks.size(); i++) {
            int[] characters = poem.lines().get(i).codePoints().toArray();
            int[] signs = marks.get(i).codePoints().toArray();
            for (int j = 0; j < characters.length; j++) {
                if (signs[j] == '平' || signs[j] == '仄') {
                    counts.computeIfAbsent(characters[j], c -> new int[2])[
                            signs[j] == '平' ? 0 : 1]++;
                }
            }
        }
    }

    private static boolean aligns(List<String> lines, List<String> marks) {
        if (lines.size() != marks.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            String a = lines.get(i);
            String b = marks.get(i);
            if (a.codePointCount(0, a.length()) != b.codePointCount(0, b.length())) {
                return false;
            }
        }
        return true;
    }

    /** Returns per character its 平 [0] and 仄 [1] mark counts, in code-point order. */
    Map<Integer, int[]> counts() {
        return counts;
    }

    /** Poems whose marks were counted. */
    int aligned() {
        return aligned;
    }

    /** Poems without marks, or whose marks do not line up with their characters. */
    int misaligned() {
        return misaligned;
    }
}
