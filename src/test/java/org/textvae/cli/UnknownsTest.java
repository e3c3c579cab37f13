package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnknownsTest {

    @Test
    void controlCharactersAreShownAsEscapesAndTheRestUnchanged() {
        assertEquals("a\\u0009b\\u001b[31m 明月", Unknowns.visible("a\tb\u001b[31m 明月"));
        assertEquals("\uD840\uDC00", Unknowns.visible("\uD840\uDC00"));
    }
}
