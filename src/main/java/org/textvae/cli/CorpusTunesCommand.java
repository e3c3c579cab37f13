package org.textvae.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.textvae.ci.Tune;
import org.textvae.corpus.CiRhymeBuilder;
import org.textvae.corpus.CiTablesBuilder;
import org.textvae.corpus.NpmPackageFetcher;
import org.textvae.corpus.TuneTableBuilder;
import org.textvae.poetry.ToneTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code textvae corpus tunes}: builds the table of ci tunes that {@code textvae ci} reads. */
@Command(
        mixinStandardHelpOptions = true,
        name = "tunes",
        description = {
            "Build the tables of ci tunes (詞牌) and ci rhyme groups from the Song ci of "
                    + NpmPackageFetcher.PACKAGE
                    + ": for each tune, the form most of its ci share (each line's length, and"
                    + " whether it rhymes: the corpus closes a rhyme with 。 and a pause with ，),"
                    + " the stanza break, and how many ci hold that form. Rhyme groups: characters"
                    + " that end consecutive rhyming lines of the training ci rhyme together (平 and"
                    + " 仄 apart), cut into groups as the shi rhyme groups are.",
            "The output is byte for byte reproducible."
        },
        footer = {
            "",
            "Examples:",
            "  textvae corpus tunes --force    (rebuild the bundled table)",
            "  textvae corpus tunes --package chinese-poetry-2.0.1.tgz --out tunes.tsv"
        })
public final class CorpusTunesCommand implements Callable<Integer> {

    @Mixin private PoetryPackageOption poetryPackage;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "src/main/resources/org/textvae/ci/tunes.tsv",
            description = "Table to write; replaced only with --force (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(
            names = "--rhymes-out",
            paramLabel = "FILE",
            defaultValue = "src/main/resources/org/textvae/ci/rhymes.tsv",
            description =
                    "Table of ci rhyme groups to write; replaced only with --force (default:"
                            + " ${DEFAULT-VALUE}).")
    private Path rhymesOut;

    @Mixin private OutputFile output;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        output.check(out, poetryPackage.given);
        output.check(rhymesOut, poetryPackage.given);
        Path poetry = poetryPackage.path();
        ToneTable tones = ToneTable.bundled();
        CiTablesBuilder.Result built = CiTablesBuilder.build(poetry, tones);
        TuneTableBuilder.Result result = built.tunes();
        CiRhymeBuilder.Result rhymes = built.rhymes();
        result.table().write(out);
        rhymes.rhymes().write(rhymesOut);
        long known = result.table().tunes().stream().filter(Tune::formKnown).count();
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(
                "%s: %,d tunes from %,d of %,d ci (the rest without a tune or with characters"
                        + " that are not Han); %,d with a known form, whose ci close %.1f%% of their"
                        + " lines with the form's mark (rhyme or pause)%n",
                out,
                result.table().tunes().size(),
                result.used(),
                result.poems(),
                known,
                100 * result.markAgreement());
        printer.printf(
                "%s: %,d characters in %d rhyme groups, from %,d pairs of consecutive rhymes of the"
                        + " training ci; %.1f%% of the %,d pairs of the test ci share a group%n",
                rhymesOut,
                rhymes.rhymes().groupsOfAll().size(),
                rhymes.rhymes().groups().size(),
                rhymes.trainingPairs(),
                100 * rhymes.testAgreement(),
                rhymes.testPairs());
        for (var group : rhymes.rhymes().groups().entrySet()) {
            StringBuilder some = new StringBuilder();
            group.getValue().stream().limit(16).forEach(some::appendCodePoint);
            printer.printf("  %s %d: %s%n", group.getKey(), group.getValue().size(), some);
        }
        printer.flush();
        return 0;
    }
}
