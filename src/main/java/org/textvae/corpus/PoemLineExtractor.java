package org.textvae.corpus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Cuts the poems of one collection into lines: each paragraph is split at the collection's
 * punctuation, each piece stripped, and kept only if it is made entirely of Han ideographs and has
 * an accepted length. Lines are kept once, in order of first occurrence. A held-out collection
 * keeps only its sample ({@link HeldOut#samples}), tested before deduplication so that the millions
 * of lines outside it are never held; duplicates are then counted within the sample.
 */
final class PoemLineExtractor {

    private final PoetryCollection collection;
    private final Set<String> lines = new LinkedHashSet<>();
    private int duplicates;
    private int rejected;

    PoemLineExtractor(PoetryCollection collection) {
        this.collection = collection;
    }

    /** Adds the lines of one JSON file: an array of poems, each with a "paragraphs" array. */
    void add(PoetryPackage.SourceFile file) {
        for (JsonElement poem : PoemExtractor.parseArray(file)) {
            JsonElement paragraphs =
                    poem.isJsonObject() ? poem.getAsJsonObject().get("paragraphs") : null;
            if (paragraphs != null && paragraphs.isJsonArray()) {
                addParagraphs(paragraphs.getAsJsonArray());
            }
        }
    }

    private void addParagraphs(JsonArray paragraphs) {
        for (JsonElement paragraph : paragraphs) {
            if (paragraph.isJsonPrimitive()) {
                addParagraph(paragraph.getAsString());
            }
        }
    }

    private void addParagraph(String paragraph) {
        StringBuilder piece = new StringBuilder();
        paragraph
                .codePoints()
                .forEach(
                        cp -> {
                            if (collection.isSeparator(cp)) {
                                addPiece(piece.toString().strip());
                                piece.setLength(0);
                            } else {
                                piece.appendCodePoint(cp);
                            }
                        });
        addPiece(piece.toString().strip());
    }

    private void addPiece(String piece) {
        if (piece.isEmpty()) {
            return;
        }
        if (!isHan(piece) || !collection.acceptsLength(piece.codePointCount(0, piece.length()))) {
            rejected++;
        } else if (collection.samples(piece) && !lines.add(piece)) {
            duplicates++;
        }
    }

    static boolean isHan(String text) {
        return text.codePoints()
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    Set<String> lines() {
        return lines;
    }

    /**
     * Drops the lines that {@code others} holds, keeping the order of the rest.
     *
     * @return how many lines were dropped
     */
    int drop(Set<String> others) {
        int before = lines.size();
        lines.removeIf(others::contains);
        return before - lines.size();
    }

    int duplicates() {
        return duplicates;
    }

    /** Pieces dropped for non-Han characters or a length outside the collection's range. */
    int rejected() {
        return rejected;
    }
}
