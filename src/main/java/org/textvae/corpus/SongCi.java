package org.textvae.corpus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Song ci of the chinese-poetry package by tune, each cut into lines at {@code ，。？！；、} as
 * {@code corpora/songci.csv.gz} cuts them, with the mark that closes each line. A ci is kept when
 * it names a tune in Han characters (not {@link #NO_TUNE}, nor a name with lost characters) and
 * every line is Han characters with no 囗 (a lost one).
 */
final class SongCi {

    /** The corpus's name for ci whose tune is lost. */
    static final String NO_TUNE = "失调名";

    private static final String SEPARATORS = "，。？！；、";
    private static final String RHYME_MARKS = "。？！";
    private static final int LOST = '囗';

    /**
     * One ci.
     *
     * @param author its author, as the package names them ("" when it does not)
     * @param lines its lines, without marks
     * @param rhymes whether each line closes with 。, ？ or ！ (the editors' mark of a rhyme)
     */
    record Ci(String author, List<String> lines, boolean[] rhymes) {

        List<Integer> lengths() {
            return lines.stream().map(l -> l.codePointCount(0, l.length())).toList();
        }

        /** The ci's text, its lines joined by {@code /}: what its split is drawn from. */
        String text() {
            return String.join("/", lines);
        }
    }

    private final Map<String, List<Ci>> byTune;
    private final int poems;
    private final int used;

    private SongCi(Map<String, List<Ci>> byTune, int poems, int used) {
        this.byTune = byTune;
        this.poems = poems;
        this.used = used;
    }

    /** Reads the ci of the package, its {@code .tgz} or unpacked folder. */
    static SongCi read(Path poetryPackage) {
        Map<String, List<Ci>> byTune = new TreeMap<>();
        int poems = 0;
        int used = 0;
        List<PoetryPackage.SourceFile> files =
                PoetryPackage.load(poetryPackage, List.of(PoetryCollection.SONGCI))
                        .get(PoetryCollection.SONGCI);
        for (PoetryPackage.SourceFile file : files) {
            for (JsonElement element : PoemExtractor.parseArray(file)) {
                poems++;
                if (!element.isJsonObject()) {
                    continue;
                }
                JsonObject ci = element.getAsJsonObject();
                String tune = text(ci.get("rhythmic"));
                Ci parsed = parse(text(ci.get("author")), ci.get("paragraphs"));
                if (!isTuneName(tune) || parsed == null) {
                    continue;
                }
                byTune.computeIfAbsent(tune, t -> new ArrayList<>()).add(parsed);
                used++;
            }
        }
        return new SongCi(Collections.unmodifiableMap(byTune), poems, used);
    }

    /** The ci of each tune, tunes in name order, ci in package order. */
    Map<String, List<Ci>> byTune() {
        return byTune;
    }

    /** Ci read. */
    int poems() {
        return poems;
    }

    /** Ci kept. */
    int used() {
        return used;
    }

    /** A ci's lines, or null when a line holds anything but Han characters or a lost one. */
    /** A name of Han characters, joined by ・ where a tune has several: not a lost one. */
    private static boolean isTuneName(String tune) {
        return !tune.isEmpty()
                && !tune.equals(NO_TUNE)
                && tune.codePoints()
                        .allMatch(
                                c ->
                                        c == '・'
                                                || Character.UnicodeScript.of(c)
                                                        == Character.UnicodeScript.HAN);
    }

    private static String text(JsonElement value) {
        return value != null && value.isJsonPrimitive() ? value.getAsString().strip() : "";
    }

    private static Ci parse(String author, JsonElement paragraphs) {
        if (paragraphs == null || !paragraphs.isJsonArray()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        List<Boolean> rhymes = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (JsonElement paragraph : paragraphs.getAsJsonArray()) {
            if (!paragraph.isJsonPrimitive()) {
                return null;
            }
            String text = paragraph.getAsString().strip();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (SEPARATORS.indexOf(cp) < 0) {
                    piece.appendCodePoint(cp);
                } else if (!piece.toString().isBlank()) {
                    if (!close(piece, lines)) {
                        return null;
                    }
                    rhymes.add(RHYME_MARKS.indexOf(cp) >= 0);
                } else {
                    piece.setLength(0); // a mark after a mark
                }
            }
            if (!piece.toString().isBlank()) {
                // A paragraph that ends without a mark ends a sentence all the same.
                if (!close(piece, lines)) {
                    return null;
                }
                rhymes.add(true);
            }
            piece.setLength(0);
        }
        if (lines.isEmpty()) {
            return null;
        }
        boolean[] marks = new boolean[rhymes.size()];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = rhymes.get(i);
        }
        return new Ci(author, List.copyOf(lines), marks);
    }

    /** Adds the piece as a line; false when it is not all Han characters or holds a lost one. */
    private static boolean close(StringBuilder piece, List<String> lines) {
        String line = piece.toString().strip();
        piece.setLength(0);
        if (!PoemLineExtractor.isHan(line) || line.codePoints().anyMatch(cp -> cp == LOST)) {
            return false;
        }
        lines.add(line);
        return true;
    }
}
