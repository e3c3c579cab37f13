package org.textvae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    @Test
    void linesAreWrittenAsTheyReadNotEscapedForHtml() {
        assertEquals(
                "[\"the <unk> cat\",\"a & b = c\",\"白日依山盡\"]",
                JsonOutput.GSON.toJson(List.of("the <unk> cat", "a & b = c", "白日依山盡")));
    }
}
