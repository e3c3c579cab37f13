package org.textvae.cli;

import java.io.PrintWriter;
import java.util.List;
import org.textvae.ci.CiRhymes;
import org.textvae.ci.Tune;
import org.textvae.ci.TuneLine;
import org.textvae.ci.TuneTable;

/** What {@code ci --list}, {@code --groups} and {@code --show} print. */
final class TuneListing {

    private TuneListing() {}

    static void groups(PrintWriter out) {
        CiRhymes rhymes = CiRhymes.bundled();
        rhymes.groups()
                .forEach(
                        (name, members) -> {
                            StringBuilder some = new StringBuilder();
                            members.stream().limit(20).forEach(some::appendCodePoint);
                            out.printf("%s\t%d\t%s%n", name, members.size(), some);
                        });
    }

    static void list(TuneTable table, boolean all, PrintWriter out) {
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

    static void show(Tune tune, PrintWriter out) {
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
