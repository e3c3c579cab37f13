package org.textvae.ci;

import java.util.ArrayList;
import java.util.List;

/**
 * A tune's form as one line of text, the corpus's punctuation standing for what it marks: each
 * line's length, then 。 where it rhymes and ， where it does not; / between the stanzas. The Song ci
 * of 浣溪沙 read {@code 7。7。7。/7，7。7。}.
 */
final class FormText {

    /** Joins a tune's other names to its first. */
    static final String ALIAS = "・";

    static final char RHYME = '。';
    static final char PAUSE = '，';
    static final char BREAK = '/';

    private FormText() {}

    static String format(List<TuneLine> lines, int firstStanza) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i == firstStanza && i > 0) {
                text.append(BREAK);
            }
            text.append(lines.get(i).length()).append(lines.get(i).rhymes() ? RHYME : PAUSE);
        }
        return text.toString();
    }

    /** The form's lines and first stanza; throws IllegalArgumentException for other text. */
    static Parsed parse(String text) {
        List<TuneLine> lines = new ArrayList<>();
        int firstStanza = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == BREAK) {
                if (firstStanza > 0 || lines.isEmpty()) {
                    throw new IllegalArgumentException("a stanza break out of place in " + text);
                }
                firstStanza = lines.size();
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (start == i || i == text.length()) {
                throw new IllegalArgumentException("expected a length and 。 or ， in " + text);
            }
            char mark = text.charAt(i++);
            if (mark != RHYME && mark != PAUSE) {
                throw new IllegalArgumentException("expected 。 or ， after a length in " + text);
            }
            lines.add(new TuneLine(Integer.parseInt(text.substring(start, i - 1)), mark == RHYME));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no lines in '" + text + "'");
        }
        return new Parsed(lines, firstStanza);
    }

    record Parsed(List<TuneLine> lines, int firstStanza) {}
}
