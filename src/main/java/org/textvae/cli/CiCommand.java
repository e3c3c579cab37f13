package org.textvae.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.textvae.Seeds;
import org.textvae.SentenceVae;
import org.textvae.ci.CiRhymes;
import org.textvae.ci.CiTheme;
import org.textvae.ci.CiWriter;
import org.textvae.ci.Tune;
import org.textvae.ci.TuneLookup;
import org.textvae.ci.TuneTable;
import org.textvae.ci.WrittenCi;
import org.textvae.corpus.CorpusReader;
import org.textvae.corpus.PoemCorpusFile;
import org.textvae.corpus.Split;
import org.textvae.poetry.FreePoemWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code textvae ci}: the tunes (詞牌) of the Song ci and their forms. */
@Command(
        mixinStandardHelpOptions = true,
        name = "ci",
        description = {
            "Song ci (詞) by tune (詞牌): the tunes of the Song ci corpus and their forms, as"
                    + " the corpus writes them. A form gives each line's length and whether it"
                    + " rhymes (。) or pauses (，), and / between the stanzas. A tune's form is the"
                    + " one most of its ci share; a tune with too few ci of one form has none."
                    + " Tune names may be given in simplified or traditional characters. With"
                    + " --tune, write ci to a tune with the ci model. See docs/ci.md."
        },
        footer = {
            "",
            "Examples:",
            "  textvae ci --list",
            "  textvae ci --show 浣溪沙",
            "  textvae ci --show 滿江紅",
            "  textvae ci --tune 浣溪沙 -n 3 --seed 7",
            "  textvae ci --tune 念奴娇 --rhyme '(月)' --json",
            "  textvae ci --tune 临江仙 --theme 月 -n 3",
            "  textvae ci --measure 200 --independent-lines"
        })
public final class CiCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    private Action action;

    static final class Action {
        @Option(
                names = "--list",
                description =
                        "List the tunes whose form is known, most used first: ci in the corpus,"
                                + " the form, and how many ci hold it among how many forms.")
        boolean list;

        @Option(
                names = "--show",
                paramLabel = "TUNE",
                description = "Show one tune's form, line by line.")
        String show;

        @Option(
                names = "--groups",
                description =
                        "List the rhyme groups of ci (平 groups named by their 平水韻 heads, 仄 ones"
                                + " by their most used character in brackets) with their most used"
                                + " characters.")
        boolean groups;

        @Option(
                names = "--measure",
                paramLabel = "N",
                description =
                        "Write N ci to each of the --tunes most used tunes and print their figures:"
                                + " form, rhyme, novelty, distinct-2, redraws, speed.")
        Integer measure;

        @Option(
                names = "--tune",
                paramLabel = "TUNE",
                description =
                        "Write ci to this tune: each line greedy from its own code, of the length"
                                + " the tune gives it, rhyming where the tune rhymes.")
        String tune;
    }

    @Option(
            names = "-n",
            paramLabel = "N",
            defaultValue = "1",
            description = "With --tune: how many ci (default: ${DEFAULT-VALUE}; at most 100000).")
    private int count;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            description =
                    "With --tune: seed for the latent codes (default: a new one; with --measure,"
                            + " 2026).")
    private Long seed;

    @Option(
            names = "--rhyme",
            paramLabel = "GROUP",
            description =
                    "With --tune: the rhyme group of every ci, as ci --groups names them (default:"
                            + " each ci's first rhyme, as the model writes it, sets it).")
    private String rhyme;

    @Option(
            names = "--tunes",
            paramLabel = "K",
            defaultValue = "10",
            description = "With --measure: how many tunes (default: ${DEFAULT-VALUE}).")
    private int tunes;

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            defaultValue = "corpora/songci.csv.gz",
            description =
                    "With --measure: the ci lines whose train split tells novel lines (default:"
                            + " ${DEFAULT-VALUE}).")
    private Path corpus;

    @Option(
            names = "--poem-corpus",
            paramLabel = "FILE",
            defaultValue = "corpora/songci-poems.csv.gz",
            description =
                    "With --measure: whole ci, whose training ci teach the coherence judge and"
                            + " whose ci of each tune are shown beside (default: ${DEFAULT-VALUE}).")
    private Path poemCorpus;

    @Option(
            names = "--independent-lines",
            description =
                    "With --tune or --measure: draw every line on its own. By default, when the"
                            + " model holds a line succession (prior --poems, as the ci model"
                            + " does), each line after the first is drawn near where it puts the"
                            + " line after the one before: more related lines, more novel ones, a"
                            + " little less varied.")
    private boolean independentLines;

    @Option(
            names = "--theme",
            paramLabel = "WORD",
            description =
                    "With --tune or --measure: a word the ci keep to, for example 月 or 秋: the"
                            + " first line comes from the model's kept lines that hold it, later"
                            + " lines from those that hold it or its imagery (the characters those"
                            + " lines pair with it).")
    private String theme;

    @Option(names = "--json", description = "With --tune: print one JSON object per ci.")
    private boolean json;

    @Option(
            names = "--model",
            paramLabel = "PATH",
            description =
                    "With --tune or --measure: run folder or .ckpt file of a model of ci lines"
                            + " (default: the"
                            + " ci model packed into the jar).")
    private Path model;

    @Option(
            names = "--all",
            description = "With --list: also the tunes with too few ci of one form to know it.")
    private boolean all;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        CiOptionModes.refuseOthers(spec.commandLine().getParseResult());
        TuneTable table = TuneTable.bundled();
        PrintWriter out = spec.commandLine().getOut();
        if (action.list) {
            TuneListing.list(table, all, out);
        } else if (action.groups) {
            TuneListing.groups(out);
        } else if (action.measure != null) {
            measure(table, out);
        } else if (action.show != null) {
            TuneListing.show(TuneLookup.require(table, action.show), out);
        } else {
            write(TuneLookup.require(table, action.tune), out);
        }
        out.flush();
        return 0;
    }

    private void measure(TuneTable table, PrintWriter out) {
        Options.requirePositive("--measure", action.measure);
        Options.requireAtMost("--measure", action.measure, CiWriter.MAX_CI, "");
        Options.requirePositive("--tunes", tunes);
        Set<String> training = new HashSet<>(CorpusReader.read(corpus).split(Split.TRAIN));
        long chosen = seed != null ? seed : Seeds.MEASURING;
        try (SentenceVae vae = loadModel()) {
            CiRhymes rhymes = CiRhymes.bundled();
            CiWriter writer = new CiWriter(vae, rhymes);
            new GeneratedCi(
                            writer,
                            rhymes,
                            training,
                            PoemCorpusFile.read(poemCorpus),
                            !independentLines && writer.canFollowLines(),
                            theme == null ? null : writer.theme(theme))
                    .print(out, table, tunes, action.measure, chosen);
        }
    }

    private SentenceVae loadModel() {
        return model == null ? SentenceVae.loadCiModel() : SentenceVae.load(model);
    }

    private void write(Tune tune, PrintWriter out) {
        Options.requirePositive("-n", count);
        Options.requireAtMost("-n", count, CiWriter.MAX_CI, "");
        long chosen = seed != null ? seed : FreePoemWriter.randomSeed();
        try (SentenceVae vae =
                model == null ? SentenceVae.loadCiModel() : SentenceVae.load(model)) {
            CiWriter writer = new CiWriter(vae, CiRhymes.bundled());
            CiTheme kept = theme == null ? null : writer.theme(theme);
            List<WrittenCi> written =
                    writer.write(
                            tune,
                            count,
                            rhyme,
                            chosen,
                            !independentLines && writer.canFollowLines(),
                            kept);
            for (int i = 0; i < written.size(); i++) {
                WrittenCi ci = written.get(i);
                if (json) {
                    JsonObject object = new JsonObject();
                    object.addProperty("tune", tune.name());
                    object.addProperty("seed", chosen);
                    object.addProperty("index", i);
                    object.addProperty("rhyme", ci.rhymeGroup());
                    if (kept != null) {
                        object.addProperty("theme", kept.theme().word());
                        object.add("imagery", JsonOutput.GSON.toJsonTree(kept.theme().imagery()));
                    }
                    object.add("lines", JsonOutput.GSON.toJsonTree(ci.lines()));
                    object.addProperty("text", ci.text());
                    object.addProperty("redrawn", ci.redrawn());
                    object.addProperty("forced", ci.forced());
                    out.println(JsonOutput.GSON.toJson(object));
                } else {
                    if (i > 0) {
                        out.println();
                    }
                    out.println(ci.text());
                }
            }
        }
    }
}
