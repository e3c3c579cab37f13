package org.textvae.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Segmentation#tokenize}, which counts a vocabulary, cuts exactly as the HuggingFace
 * tokenizer loaded from the written tokenizer.json does: on awkward sentences, and on every code
 * point beside a letter.
 */
class SegmentationAgreementTest {

    private static final List<String> TRICKY =
            List.of(
                    "Hello, world! It's 3.14... isn't it?!",
                    "software software. software, Software; (software)",
                    "don't rock'n'roll O'Neil's “quoted” ‘single’ «guillemets» — dash – dash",
                    "a--b ...  !!! ??? \"x\" [y] {z} <w> @you #tag $5 50% 1+1=2 a|b ~c ^d `e`",
                    "1,000,000 3:45 2024-01-01 v1.2.3 +44(0)20 7946 0958 ½ ² ٣",
                    "e-mail user@example.com http://example.com/a_b?c=d&e=f",
                    "I ❤️ you 😀😀 👍🏽 👨‍👩‍👧 🇯🇵 ok👌",
                    "日本語の文章、です。「引用」！ 中文，标点。 한국어 문장입니다.",
                    "ภาษาไทยไม่มีช่องว่าง ๆ ฯ ພາສາລາວ ភាសាខ្មែរ ၊ ။",
                    "Ünïcödé café naïve — ¿Qué? ¡Sí! «Ça» Straße ΑΒΓ. Привет, мир!",
                    "a\u00A0b\u2007c\u3000d\u200Be\u2028f\tg\u0085h",
                    "؟ ، ؛ ٪ ۔ ׃ ־ ። ፣ ‰ ‱ † ‡ • ‣ ※ ⁂ 〜 〰 ・ ･ ︰ ﹏ ＿ ！ ＃",
                    "𝒜𝓁𝓅𝒽𝒶 𐎀𐎁 𝄞 music \uD83C\uDFFF skin",
                    "the <unk> a<unk>b <pad>. <<bos>> <eos<eos>> <UNK> <unk");

    private static final Map<String, String> OPTIONS =
            Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

    @ParameterizedTest
    @EnumSource(Segmentation.class)
    void trickySentencesAreCutAlike(Segmentation segmentation) throws IOException {
        try (HuggingFaceTokenizer tokenizer = tokenizer(segmentation)) {
            for (String sentence : TRICKY) {
                assertEquals(
                        nativeTokens(tokenizer, sentence),
                        segmentation.tokenize(sentence),
                        sentence);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Segmentation.class)
    void everyCodePointIsCutAlike(Segmentation segmentation) throws IOException {
        List<String> differ = new ArrayList<>();
        try (HuggingFaceTokenizer tokenizer = tokenizer(segmentation)) {
            for (int plane = 0; plane <= 0x10; plane++) {
                // Each code point between two letters, so that a split on either side shows;
                // every group is four code points long, which places each native token.
                StringBuilder text = new StringBuilder();
                List<Integer> points = new ArrayList<>();
                for (int cp = plane << 16; cp < (plane + 1) << 16; cp++) {
                    if (cp > 0xFFFF || !Character.isSurrogate((char) cp)) {
                        text.append('a').appendCodePoint(cp).append("b ");
                        points.add(cp);
                    }
                }
                String sentence = text.toString();
                List<List<String>> expected = new ArrayList<>();
                points.forEach(cp -> expected.add(new ArrayList<>()));
                CharSpan[] spans = tokenizer.encode(sentence).getCharTokenSpans();
                List<String> pieces = nativeTokens(tokenizer, sentence);
                for (int i = 0; i < spans.length; i++) {
                    expected.get(spans[i].getStart() / 4).add(pieces.get(i));
                }
                for (int i = 0; i < points.size(); i++) {
                    String group = "a" + Character.toString(points.get(i)) + "b";
                    if (!expected.get(i).equals(segmentation.tokenize(group))) {
                        differ.add(String.format("U+%04X", points.get(i)));
                    }
                }
            }
        }
        assertEquals(List.of(), differ);
    }

    /** A tokenizer with only the specials: the pre-tokenizer alone decides the pieces. */
    private static HuggingFaceTokenizer tokenizer(Segmentation segmentation) throws IOException {
        String json = new VocabularyBuilder(new VocabularyOptions(segmentation, 1, 10)).toJson();
        return HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), OPTIONS);
    }

    /** The text of each token; the binding gives spans in code points. */
    static List<String> nativeTokens(HuggingFaceTokenizer tokenizer, String sentence) {
        Encoding encoding = tokenizer.encode(sentence);
        // UTF-16 index of each code point, so that long sentences are not walked per token.
        int[] at = new int[sentence.codePointCount(0, sentence.length()) + 1];
        for (int cp = 0, i = 0; cp < at.length; cp++) {
            at[cp] = i;
            i = i < sentence.length() ? sentence.offsetByCodePoints(i, 1) : i;
        }
        List<String> tokens = new ArrayList<>();
        for (CharSpan span : encoding.getCharTokenSpans()) {
            tokens.add(sentence.substring(at[span.getStart()], at[span.getEnd()]));
        }
        return tokens;
    }
}
