package org.textvae.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationTest {

    @Test
    void wordSplitsPunctuationFromWords() {
        assertEquals(
                List.of("software", "software", ".", "software", ",", "Software", ";"),
                Segmentation.WORD.tokenize("software software. software, Software;"));
        assertEquals(
                List.of("isn", "'", "t", "it", "?", "!", "3", ".", "14", "…"),
                Segmentation.WORD.tokenize("isn't it?! 3.14…"));
        assertEquals(
                List.of("software.", "software,"),
                Segmentation.WHITESPACE.tokenize("software. software,"));
    }

    @Test
    void emojiAreNotPunctuationSoWordKeepsThemOnTheirWord() {
        assertEquals(List.of("ok👌", "!"), Segmentation.WORD.tokenize("ok👌!"));
        assertEquals(List.of("o", "k", "👌"), Segmentation.CHARACTER.tokenize("ok 👌"));
    }

    @Test
    void englishIsCutIntoWords() {
        assertEquals(
                Segmentation.WORD,
                Segmentation.detect(
                        List.of("The cat sat on the mat.", "Is it raining?", "Yes, it is.")));
        // Penn Treebank style stays words.
        assertEquals(
                Segmentation.WORD,
                Segmentation.detect(List.of("the company 's shares rose N % <unk>")));
    }

    @Test
    void scriptsWrittenWithoutSpacesAreCutIntoCharacters() {
        List<List<String>> samples =
                List.of(
                        List.of("床前明月光", "疑是地上霜"),
                        List.of("ひらがなだけのぶんしょう", "カタカナノブンショウ"),
                        List.of("ภาษาไทยไม่มีช่องว่างระหว่างคำ", "สวัสดีครับ ขอบคุณ"),
                        List.of("ພາສາລາວບໍ່ມີຍະຫວ່າງ"),
                        List.of("ភាសាខ្មែរ"),
                        List.of("မြန်မာဘာသာ"),
                        List.of("😀😃😄 😁😆", "👍🏽👨‍👩‍👧❤️ 🇯🇵"));
        for (List<String> sample : samples) {
            assertEquals(Segmentation.CHARACTER, Segmentation.detect(sample), sample.toString());
        }
    }

    @Test
    void linesWithoutSpacesAreCutIntoCharactersWhateverTheScript() {
        // Neither script is on the list, but no line has a space to split at.
        assertEquals(
                Segmentation.CHARACTER,
                Segmentation.detect(List.of("abcdefghij", "klmnopqrst", "uvw xyz", "")));
        assertEquals(Segmentation.CHARACTER, Segmentation.detect(List.of("ⴰⵣⵓⵍⴰⵎⵏ", "ⵜⴰⵎⴰⵣⵉⵖⵜ")));
    }

    @Test
    void aFewForeignCharactersDoNotTipTheChoice() {
        assertEquals(Segmentation.WORD, Segmentation.detect(List.of("the moon 月 and ภา 😀")));
        assertEquals(Segmentation.CHARACTER, Segmentation.detect(List.of("床前明月光 ok")));
    }
}
