package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Under a locale whose charset lacks Chinese (LC_ALL=C), output is written in UTF-8 rather than as
 * '?', and arguments the JVM could not decode get a one-line hint.
 */
class LocaleCharsetTest {

    @Test
    void aCharsetWithoutChineseGivesWayToUtf8() {
        assertEquals(StandardCharsets.UTF_8, StandardOutput.carrying(StandardCharsets.US_ASCII));
        assertEquals(StandardCharsets.UTF_8, StandardOutput.carrying(StandardCharsets.ISO_8859_1));
        assertEquals(StandardCharsets.UTF_8, StandardOutput.carrying(StandardCharsets.UTF_8));
        Charset gb = Charset.forName("GB18030");
        assertEquals(gb, StandardOutput.carrying(gb));
    }

    @Test
    void undecodableArgumentsUnderAnAsciiLocaleGetAHint() {
        String saved = System.getProperty("sun.jnu.encoding");
        try {
            System.setProperty("sun.jnu.encoding", "ANSI_X3.4-1968");
            String hint = StandardOutput.argumentHint(new String[] {"reconstruct", "\uFFFD\uFFFD"});
            assertTrue(hint.contains("LC_ALL=C.UTF-8"), hint);
            assertEquals("", StandardOutput.argumentHint(new String[] {"generate", "-n", "3"}));
            System.setProperty("sun.jnu.encoding", "UTF-8");
            assertEquals("", StandardOutput.argumentHint(new String[] {"reconstruct", "??"}));
        } finally {
            if (saved == null) {
                System.clearProperty("sun.jnu.encoding");
            } else {
                System.setProperty("sun.jnu.encoding", saved);
            }
        }
    }
}
