package org.textvae.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.textvae.TextvaeException;
import org.textvae.corpus.Corpus;
import org.textvae.corpus.CorpusReader;
import org.textvae.vocab.Segmentation;
import org.textvae.vocab.Vocabulary;
import org.textvae.vocab.VocabularyBuilder;
import org.textvae.vocab.VocabularyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code textvae vocab build}: builds a vocabulary from a corpus's training split. */
@Command(
        mixinStandardHelpOptions = true,
        name = "build",
        description = {
            "Build a vocabulary (of characters or words, see --segmentation) from the train split"
                    + " of a corpus and write it as a"
                    + " HuggingFace tokenizer.json.",
            "Special tokens have fixed ids: <pad>=0 <unk>=1 <bos>=2 <eos>=3. Tokens are ordered"
                    + " by count, then alphabetically, so the file is reproducible.",
            "Prints the vocabulary size and how much of the valid split it covers, and a warning"
                    + " when the tokens look cut the wrong way: tokens longer than 100 characters"
                    + " (left out of the vocabulary), or text made mostly of tokens seen once."
        },
        footer = {
            "",
            "Segmentation:",
            "  word        \"Hello, world!\" -> Hello , world !  (words and punctuation)",
            "  character   \"猫が好き\" -> 猫 が 好 き  (every character but spaces)",
            "  whitespace  \"Hello, world!\" -> Hello, world!  (for text already tokenized)",
            "  auto picks character when most letters are of a script written without spaces",
            "  (Chinese, Japanese, Korean, Thai, Lao, Khmer, Myanmar, Tibetan, ...) or are emoji,",
            "  or when most lines hold no space at all; word otherwise.",
            "",
            "Examples:",
            "  textvae vocab build --corpus corpora/tang.csv.gz \\",
            "      --out vocab/my.tokenizer.json --min-frequency 3",
            "  textvae vocab build --corpus english.txt --out english.tokenizer.json \\",
            "      --lowercase --min-frequency 2"
        })
public final class VocabBuildCommand implements Callable<Integer> {

    @Option(
            names = "--corpus",
            required = true,
            paramLabel = "FILE",
            description =
                    "Corpus: CSV with text[,split] columns, or text with one sentence per line.")
    private Path corpus;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The tokenizer.json to write (an existing one only with --force).")
    private Path out;

    @Mixin private OutputFile output;

    @Option(
            names = "--segmentation",
            paramLabel = "MODE",
            defaultValue = "auto",
            description = {
                "character (each character is a token), word (split at whitespace, each"
                        + " punctuation character a token of its own), whitespace (split at"
                        + " whitespace only), or auto (character for scripts written without"
                        + " spaces and for emoji, word otherwise; see below).",
                "Default: ${DEFAULT-VALUE}."
            })
    private String segmentation;

    @Option(
            names = "--min-frequency",
            paramLabel = "N",
            defaultValue = "1",
            description = "Keep tokens seen at least N times in train (default: ${DEFAULT-VALUE}).")
    private int minFrequency;

    @Option(
            names = "--max-size",
            paramLabel = "N",
            defaultValue = "50000",
            description = "Keep at most N tokens besides the specials (default: ${DEFAULT-VALUE}).")
    private int maxSize;

    @Option(
            names = "--lowercase",
            description =
                    "Lowercase text before cutting it into tokens, here and whenever the vocabulary"
                            + " encodes (a model trained with it reads \"The\" as \"the\" and"
                            + " writes lowercase). For word vocabularies of cased text; Chinese"
                            + " has no case.")
    private boolean lowercase;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        output.check(out, corpus);
        Corpus data = CorpusReader.read(corpus);
        VocabularyOptions options =
                new VocabularyOptions(resolveSegmentation(data), minFrequency, maxSize, lowercase);
        PrintWriter err = spec.commandLine().getErr();
        try (Vocabulary vocabulary =
                VocabularyBuilder.build(data, options, out, line -> err.println(line))) {
            err.flush();
            double coverage = vocabulary.coverage(data.valid());
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf(
                    "%s: %,d tokens (%s segmentation%s, min frequency %d) from %,d train"
                            + " sentences%n",
                    out,
                    vocabulary.size(),
                    options.segmentation().name().toLowerCase(Locale.ROOT),
                    lowercase ? ", lowercased" : "",
                    minFrequency,
                    data.train().size());
            printer.println(
                    Double.isNaN(coverage)
                            ? "valid coverage: n/a (the corpus has no valid split)"
                            : String.format(
                                    Locale.ROOT,
                                    "valid coverage: %.2f%% of tokens are not <unk>",
                                    100 * coverage));
            printer.flush();
        }
        return 0;
    }

    private Segmentation resolveSegmentation(Corpus data) {
        return switch (segmentation.toLowerCase(Locale.ROOT)) {
            case "auto" -> Segmentation.detect(data.train());
            case "character" -> Segmentation.CHARACTER;
            case "word" -> Segmentation.WORD;
            case "whitespace" -> Segmentation.WHITESPACE;
            default ->
                    throw new TextvaeException(
                            TextvaeException.Kind.USAGE,
                            "--segmentation: unknown mode '"
                                    + segmentation
                                    + "'; use auto, character, word or whitespace");
        };
    }
}
