package org.textvae.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void writesFixedDecimalsUntilAValueIsHuge() {
        assertEquals("186.90", Numbers.fixed(186.9, 2, "n/a"));
        assertEquals("999999999.00", Numbers.fixed(999_999_999, 2, "n/a"));
        assertEquals("1.763e+240", Numbers.fixed(1.762502608921204e240, 2, "n/a"));
        assertEquals("-2.000e+12", Numbers.fixed(-2e12, 1, "n/a"));
        assertEquals("∞", Numbers.fixed(Double.POSITIVE_INFINITY, 2, "n/a"));
        assertEquals("—", Numbers.fixed(Double.NaN, 2, "—"));
    }
}
