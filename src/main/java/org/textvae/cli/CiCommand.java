package org.textvae.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.ci.Tune;
import org.textvae.ci.TuneLine;
import org.textvae.ci.TuneLookup;
import org.textvae.ci.TuneTable;
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
                    + " Tune names may be given in simplified or traditional characters. See"
                    + " docs/ci.md."
        },
        footer = {
            "",
            "Examples:",
            "  textvae ci --list",
            "  textvae ci --show 浣溪沙",
            "  textvae ci --show 滿江紅"
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
    }

    @Option(
            names = "--all",
            description = "With --list: also the tunes with too few ci of one form to know it.")
    private boolean all;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        TuneTable table = TuneTable.bundled();
        PrintWriter out = spec.commandLine().getOut();
        if (action.list) {
            list(table, out);
        } else {
            show(TuneLookup.require(table, action.show), out);
        }
        out.flush();
        return 0;
    }

    private void list(TuneTable table, PrintWriter out) {
        out.println(
                "tune (traditional)\tci\tform (。 rhyme, ， pause, / stanza break)\tin form/forms");
        int hidden = 0;
        for (Tune tune : table.tunes()) {
            if (!tune.formKnown() && !all) {
                hidden++;
                continue;
            }
            out.printf(
                    "%s\t%d\t%s\t%d/%d%n",
                    tune.name().equals(tune.traditional())
                            ? tune.name()
                            : tune.name() + " (" + tune.traditional() + ")",
                    tune.poems(),
                    tune.formKnown() ? tune.form() : "not known: " + tune.form() + " at most",
                    tune.formPoems(),
                    tune.variants());
        }
        if (hidden > 0) {
            out.printf(
                    "and %,d tunes with too few ci of one form to know it (--list --all shows"
                            + " them)%n",
                    hidden);
        }
    }

    private static void show(Tune tune, PrintWriter out) {
        out.printf(
                "%s (%s): %d ci in the corpus, %d of them in this form (%d forms in all)%n",
                tune.name(), tune.traditional(), tune.poems(), tune.formPoems(), tune.variants());
        out.printf("form: %s, %d characters%n", tune.form(), tune.characters());
        List<TuneLine> lines = tune.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (i == tune.firstStanza() && i > 0) {
                out.println();
            }
            TuneLine line = lines.get(i);
            out.printf("%s%s%n", "〇".repeat(line.length()), line.rhymes() ? "。 (rhyme)" : "，");
        }
    }
}
