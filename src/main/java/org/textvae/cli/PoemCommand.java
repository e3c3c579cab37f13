package org.textvae.cli;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.textvae.SentenceVae;
import org.textvae.TextvaeException;
import org.textvae.poetry.FreePoemWriter;
import org.textvae.poetry.PoemRequest;
import org.textvae.poetry.RegulatedPoemWriter;
import org.textvae.poetry.Theme;
import org.textvae.poetry.ToneTable;
import org.textvae.poetry.VerseForm;
import org.textvae.poetry.WrittenPoem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae poem}: poems from the latent space, the default model by default. */
@Command(
        mixinStandardHelpOptions = true,
        name = "poem",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Write poems of regulated verse (五絕, 七絕, 五律, 七律), or free lines of a set length.",
            "Each line is decoded greedily from its own z. For a regulated form the decoder may"
                    + " only choose characters that keep the poem's tonal pattern (平仄, 對 and 粘,"
                    + " no 孤平 or 三平尾) and, at the end of the even lines (and of the first when it"
                    + " ends 平), its rhyme group; the model picks the first line's pattern and the"
                    + " rhyme unless --rhyme is given. Lines keep their natural length: each z comes"
                    + " from the training lines of the form's length, and a line the model ends early"
                    + " or runs on is written again from a new z, not cut.",
            "With --form 5 or 7 (or --free) the lines are free: any characters, exactly --form"
                    + " long. --walk draws free lines from one path through latent space."
        },
        footer = {
            "",
            "Without --seed every run writes new poems; the same --seed writes the same poems.",
            "Forms: 五絕 (wujue), 七絕 (qijue), 五律 (wulu), 七律 (qilu), or a number of characters.",
            "",
            "Examples:",
            "  textvae poem",
            "  textvae poem --form 七律 --rhyme 陽 --seed 12",
            "  textvae poem --form qijue -n 5 --json",
            "  textvae poem --acrostic 春花秋月",
            "  textvae poem --form 七絕 --first-line 朝辭白帝彩雲間",
            "  textvae poem --form 五律 --theme 月",
            "  textvae poem --form 7 --lines 8 --walk"
        })
final class PoemCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Option(
            names = "--form",
            defaultValue = "五絕",
            paramLabel = "FORM",
            description =
                    "五絕, 七絕, 五律 or 七律 (or wujue, qijue, wulu, qilu); or characters per free"
                            + " line, 1 to "
                            + SentenceVae.DEFAULT_MAX_LENGTH
                            + ".")
    String form;

    /** A poem, not a corpus: for many lines, use generate. */
    static final int MAX_LINES = 1000;

    @Option(
            names = "--lines",
            paramLabel = "N",
            description =
                    "Lines per poem of a numbered form (default 4; at most " + MAX_LINES + ").")
    Integer lines;

    @Option(
            names = {"-n", "--poems"},
            defaultValue = "1",
            paramLabel = "N",
            description = "Poems to write, a blank line between them.")
    int poems;

    @Option(
            names = "--rhyme",
            paramLabel = "GROUP",
            description = "平聲 rhyme group of a regulated form, for example 東, 陽 or 尤.")
    String rhyme;

    @Option(
            names = "--candidates",
            paramLabel = "K",
            defaultValue = "1",
            description =
                    "Codes tried for each line of a regulated form; the one whose free line needs"
                            + " the fewest characters changed is kept (more: a little more fluent,"
                            + " less varied, slower).")
    int candidates;

    @Option(
            names = "--acrostic",
            paramLabel = "TEXT",
            description =
                    "Characters that begin the lines of a regulated form, one per line (藏頭),"
                            + " for example 春花秋月 for a 五絕.")
    String acrostic;

    @Option(
            names = "--first-line",
            paramLabel = "TEXT",
            description =
                    "Your first line, of the form's length: the poem continues it, and it sets the"
                            + " tonal pattern and, when it ends in 平, the rhyme.")
    String firstLine;

    @Option(
            names = "--theme",
            paramLabel = "WORD",
            description =
                    "A word the poem keeps to, for example 月 or 秋風: the first line comes from"
                            + " the model's lines that hold it, the others from those that hold it"
                            + " or its imagery (the characters those lines pair with it). 'auto':"
                            + " each poem keeps to a word of its own first line.")
    String theme;

    @Option(
            names = "--follow-lines",
            description =
                    "Draw each line after the first near where the model's line succession puts"
                            + " the line after the one before (models fitted with prior --poems),"
                            + " instead of on its own: more related lines, less varied ones.")
    boolean followLines;

    @Option(names = "--free", description = "Free lines in the form's shape: no tones, no rhyme.")
    boolean free;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            description = "Seed for the latent codes (default: a new one).")
    Long seed;

    @Option(names = "--walk", description = "Draw free lines from one path through latent space.")
    boolean walk;

    @Option(names = "--json", description = "Print one JSON object per poem.")
    boolean json;

    @Override
    public Integer call() {
        Options.requirePositive("-n", poems);
        Options.requirePositive("--candidates", candidates);
        Options.requireAtMost("--candidates", candidates, RegulatedPoemWriter.MAX_CANDIDATES, "");
        Options.requireAtMost("-n", poems, RegulatedPoemWriter.MAX_POEMS, "");
        VerseForm verse = parseForm();
        int characters = verse != null ? verse.characters() : Integer.parseInt(form.trim());
        int perPoem = verse != null ? verse.lines() : lines == null ? 4 : lines;
        if (verse != null && lines != null && lines != verse.lines()) {
            throw usage(
                    "--lines: a "
                            + verse.label()
                            + " has "
                            + verse.lines()
                            + " lines; --lines is"
                            + " for --form 5, 7 or another number");
        }
        Options.requirePositive("--lines", perPoem);
        Options.requireAtMost("--lines", perPoem, MAX_LINES, "for many lines use generate");
        boolean regulated = verse != null && !free;
        if ((rhyme != null || acrostic != null || firstLine != null || theme != null)
                && !regulated) {
            throw usage(
                    "--rhyme, --acrostic, --first-line and --theme apply to a regulated form (五絕,"
                            + " 七絕, 五律, 七律) without --free");
        }
        if (walk && regulated) {
            throw usage("--walk draws free lines: give --free, or a numbered --form");
        }
        long chosen = seed != null ? seed : FreePoemWriter.randomSeed();
        try (SentenceVae vae = modelOption.loadWithLatentSpace()) {
            PrintStream out = System.out;
            if (regulated) {
                RegulatedPoemWriter writer =
                        new RegulatedPoemWriter(vae, ToneTable.bundled(), candidates, followLines);
                PoemRequest request = request(verse);
                try {
                    writer.check(request);
                } catch (IllegalArgumentException e) {
                    throw usage(e.getMessage());
                }
                Theme kept = request.theme() == null ? null : writer.theme(verse, request.theme());
                List<WrittenPoem> written = writer.write(request, poems, chosen);
                for (int i = 0; i < written.size(); i++) {
                    JsonObject object = regulatedJson(written.get(i), chosen);
                    if (kept != null) {
                        object.addProperty("theme", kept.word());
                        object.add("imagery", JsonOutput.GSON.toJsonTree(kept.imagery()));
                    }
                    print(out, i, written.get(i).lines(), object);
                }
            } else {
                FreePoemWriter writer = new FreePoemWriter(vae);
                for (int i = 0; i < poems; i++) {
                    List<String> poem = writer.write(characters, perPoem, chosen + i, walk);
                    JsonObject object = new JsonObject();
                    object.addProperty("form", verse != null ? verse.label() : form.trim());
                    object.addProperty("seed", chosen + i);
                    object.addProperty("walk", walk);
                    object.add("lines", JsonOutput.GSON.toJsonTree(poem));
                    print(out, i, poem, object);
                }
            }
        }
        return 0;
    }

    private void print(PrintStream out, int index, List<String> poem, JsonObject object) {
        if (json) {
            out.println(JsonOutput.GSON.toJson(object));
            return;
        }
        if (index > 0) {
            out.println();
        }
        poem.forEach(out::println);
    }

    private static JsonObject regulatedJson(WrittenPoem poem, long seed) {
        JsonObject object = new JsonObject();
        object.addProperty("form", poem.form().label());
        object.addProperty("seed", seed);
        object.addProperty("rhyme", poem.rhymeGroup());
        object.addProperty("pattern", poem.firstPattern().name().toLowerCase(Locale.ROOT));
        object.addProperty("redrawn", poem.redrawn());
        object.addProperty("forced", poem.forced());
        object.add("lines", JsonOutput.GSON.toJsonTree(new ArrayList<>(poem.lines())));
        return object;
    }

    /**
     * The request of the options; a count or length that does not fit the form is a usage error.
     */
    private PoemRequest request(VerseForm verse) {
        try {
            PoemRequest request =
                    PoemRequest.of(verse)
                            .withRhymeGroup(rhyme)
                            .withAcrostic(acrostic == null ? null : acrostic.strip())
                            .withFirstLine(firstLine == null ? null : firstLine.strip())
                            .withTheme(theme == null || ownTheme() ? null : theme.strip());
            return ownTheme() ? request.withOwnTheme() : request;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** Whether each poem takes its theme from its own first line ({@code --theme auto}). */
    private boolean ownTheme() {
        return theme != null && theme.strip().equalsIgnoreCase("auto");
    }

    /** The named form, or null for a number of characters per free line. */
    private VerseForm parseForm() {
        String name = form.trim();
        for (VerseForm candidate : VerseForm.values()) {
            // The enum's names are the pinyin: wujue, qijue, wulu, qilu.
            if (candidate.label().equals(name) || candidate.name().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        if (name.matches("[0-9]{1,3}")) {
            int characters = Integer.parseInt(name);
            if (characters >= 1 && characters <= SentenceVae.DEFAULT_MAX_LENGTH) {
                return null;
            }
        }
        throw usage(
                "--form: '"
                        + form
                        + "' is not 五絕, 七絕, 五律, 七律 (wujue, qijue, wulu, qilu) or a number of"
                        + " characters from 1 to "
                        + SentenceVae.DEFAULT_MAX_LENGTH);
    }

    private static TextvaeException usage(String message) {
        return new TextvaeException(TextvaeException.Kind.USAGE, message);
    }
}
