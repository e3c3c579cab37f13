package org.textvae.corpus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.poetry.Poem;

/**
 * Takes whole poems out of the package's JSON files. A poem's paragraphs are cut into lines at
 * {@code ，。？！；} as the Tang line corpus is; the poem is kept only if it has at least two lines,
 * every line is made of Han ideographs and none is the package's mark for a lost character (囗), and
 * all its lines have 5 characters or all have 7. Each distinct text is kept once, at its first
 * occurrence.
 */
final class PoemExtractor {

    /** The package writes 囗 where a character of the poem is lost. */
    private static final int LOST = '囗';

    private static final String SEPARATORS = "，。？！；";

    private final Map<String, Poem> poems = new LinkedHashMap<>();
    private int duplicates;
    private int rejected;

    /** Adds the poems of one file: an array of objects with id, title, author and paragraphs. */
    void add(PoetryPackage.SourceFile file) {
        for (JsonElement element : parseArray(file)) {
            if (element.isJsonObject()) {
                addPoem(element.getAsJsonObject());
            }
        }
    }

    private void addPoem(JsonObject poem) {
        List<String> lines = lines(poem.get("paragraphs"));
        if (!accepts(lines)) {
            rejected++;
            return;
        }
        Poem kept =
                new Poem(string(poem, "id"), string(poem, "title"), string(poem, "author"), lines);
        if (poems.putIfAbsent(kept.text(), kept) != null) {
            duplicates++;
        }
    }

    static boolean accepts(List<String> lines) {
        if (lines.size() < 2) {
            return false;
        }
        int length = lines.get(0).codePointCount(0, lines.get(0).length());
        return (length == 5 || length == 7)
                && lines.stream()
                        .allMatch(
                                l ->
                                        l.codePointCount(0, l.length()) == length
                                                && PoemLineExtractor.isHan(l)
                                                && l.indexOf(LOST) < 0);
    }

    /** Cuts paragraphs into stripped, non-empty lines at the line-ending punctuation. */
    static List<String> lines(JsonElement paragraphs) {
        List<String> lines = new ArrayList<>();
        if (paragraphs == null || !paragraphs.isJsonArray()) {
            return lines;
        }
        for (JsonElement paragraph : paragraphs.getAsJsonArray()) {
            if (paragraph.isJsonPrimitive()) {
                cut(paragraph.getAsString(), lines);
            }
        }
        return lines;
    }

    private static void cut(String paragraph, List<String> lines) {
        StringBuilder piece = new StringBuilder();
        paragraph
                .codePoints()
                .forEach(
                        cp -> {
                            if (SEPARATORS.indexOf(cp) >= 0) {
                                addPiece(piece, lines);
                            } else {
                                piece.appendCodePoint(cp);
                            }
                        });
        addPiece(piece, lines);
    }

    private static void addPiece(StringBuilder piece, List<String> lines) {
        String line = piece.toString().strip();
        if (!line.isEmpty()) {
            lines.add(line);
        }
        piece.setLength(0);
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString().strip() : "";
    }

    /** Parses a file that must hold a JSON array. */
    static JsonArray parseArray(PoetryPackage.SourceFile file) {
        JsonElement root;
        try (Reader reader =
                new InputStreamReader(
                        new ByteArrayInputStream(file.content()), StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | IOException e) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT,
                    file.path()
                            + ": not valid JSON ("
                            + e.getMessage()
                            + "); re-download the package",
                    e);
        }
        if (!root.isJsonArray()) {
            throw new TextvaeException(
                    TextvaeException.Kind.INPUT, file.path() + ": expected a JSON array");
        }
        return root.getAsJsonArray();
    }

    List<Poem> poems() {
        return List.copyOf(poems.values());
    }

    int duplicates() {
        return duplicates;
    }

    /** Poems dropped by the line rule. */
    int rejected() {
        return rejected;
    }
}
