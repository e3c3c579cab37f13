package org.textvae.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.textvae.TextvaeException;

/**
 * OpenCC's traditional-to-simplified character table as the opencc-js package ships it: {@code
 * dist/esm-lib/dict/TSCharacters.js}, a JavaScript module whose one string holds pairs "traditional
 * simplified" separated by {@code |}.
 */
final class OpenccCharacters {

    static final String FILE = "dist/esm-lib/dict/TSCharacters.js";

    private OpenccCharacters() {}

    /** Returns the simplified form of each traditional character, in code-point order. */
    static Map<Integer, Integer> traditionalToSimplified(Path packagePath) {
        PoetryPackage.SourceFile file =
                PoetryPackage.loadMatching(packagePath, FILE, FILE::equals).get(0);
        String text = new String(file.content(), StandardCharsets.UTF_8);
        int open = text.indexOf('"');
        int close = text.lastIndexOf('"');
        if (open < 0 || close <= open) {
            throw broken(packagePath, "no quoted table");
        }
        Map<Integer, Integer> map = new TreeMap<>();
        for (String pair : text.substring(open + 1, close).split("\\|")) {
            String[] parts = pair.split(" ");
            if (parts.length < 2
                    || parts[0].codePointCount(0, parts[0].length()) != 1
                    || parts[1].codePointCount(0, parts[1].length()) != 1) {
                throw broken(packagePath, "entry '" + pair + "'");
            }
            map.put(parts[0].codePointAt(0), parts[1].codePointAt(0));
        }
        return map;
    }

    private static TextvaeException broken(Path packagePath, String why) {
        return new TextvaeException(
                TextvaeException.Kind.INPUT,
                packagePath + ": " + FILE + " is not the table expected (" + why + ")");
    }
}
