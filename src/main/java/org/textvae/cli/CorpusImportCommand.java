package org.textvae.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.textvae.corpus.ChinesePoetryImporter;
import org.textvae.corpus.CiPoemImporter;
import org.textvae.corpus.HeldOut;
import org.textvae.corpus.ImportSummary;
import org.textvae.corpus.NpmPackageFetcher;
import org.textvae.corpus.PoetryCollection;
import org.textvae.corpus.Split;
import org.textvae.corpus.TangPoemImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code textvae corpus import}: builds the Tang and Song ci corpora and the Song shi test set. */
@Command(
        mixinStandardHelpOptions = true,
        name = "import",
        description = {
            "Build the poetry corpora tang.csv.gz (5- and 7-character lines of the Complete Tang"
                    + " Poems), songci.csv.gz (2- to 12-character lines of Song ci) and"
                    + " songshi.csv.gz (a test set of about 2,600 Song shi lines, cut by the Tang"
                    + " rule, that tang.csv.gz does not hold), tang-poems.csv.gz (whole Tang"
                    + " poems of 5- or 7-character lines) and songci-poems.csv.gz (whole Song ci,"
                    + " titled by their tune) from the npm package "
                    + NpmPackageFetcher.PACKAGE
                    + ".",
            "The output is byte for byte reproducible; each line's split (train/valid/test,"
                    + " about 98/1/1; all test in songshi) and whether a Song shi line is in the"
                    + " sample follow from its text alone."
        },
        footer = {
            "",
            "Examples:",
            "  textvae corpus import",
            "  textvae corpus import --package chinese-poetry-2.0.1.tgz --only tang",
            "  textvae corpus import --only songshi --force    (rebuild the Song shi test set)",
            "  textvae corpus import --only tangpoems --force    (rebuild the Tang poem corpus)",
            "  textvae corpus import --force    (rebuild the corpora in corpora/)"
        })
public final class CorpusImportCommand implements Callable<Integer> {

    @Mixin private PoetryPackageOption poetryPackage;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "corpora",
            description =
                    "Folder to write <name>.csv.gz into; files already there are replaced only"
                            + " with --force (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin private OutputFile output;

    @Option(
            names = "--only",
            paramLabel = "NAME",
            description =
                    "Build only this corpus: tang, songci, songshi, tangpoems or songcipoems"
                            + " (default: all five; songshi reads the Tang poems too, to leave their"
                            + " lines out).")
    private String only;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        boolean poems = only == null || only.equalsIgnoreCase(TangPoemImporter.LABEL);
        boolean ci = only == null || only.equalsIgnoreCase(CiPoemImporter.LABEL);
        List<PoetryCollection> collections =
                only == null
                        ? List.of(PoetryCollection.values())
                        : poems || ci ? List.of() : List.of(PoetryCollection.fromLabel(only));
        for (PoetryCollection collection : collections) {
            output.check(out.resolve(collection.fileName()), poetryPackage.given);
        }
        if (poems) {
            output.check(out.resolve(TangPoemImporter.FILE_NAME), poetryPackage.given);
        }
        if (ci) {
            output.check(out.resolve(CiPoemImporter.FILE_NAME), poetryPackage.given);
        }
        Path source = poetryPackage.path();
        PrintWriter printer = spec.commandLine().getOut();
        if (!collections.isEmpty()) {
            printLines(printer, ChinesePoetryImporter.importTo(source, out, collections));
        }
        if (poems) {
            printPoems(printer, TangPoemImporter.importTo(source, out));
        }
        if (ci) {
            CiPoemImporter.Summary s = CiPoemImporter.importTo(source, out);
            printer.printf(
                    "%s: %,d ci (%s); skipped %,d duplicates%n  sha256 %s%n",
                    s.file(), s.poems(), splits(s.splits()), s.duplicates(), s.sha256());
        }
        printer.flush();
        return 0;
    }

    private static void printPoems(PrintWriter printer, TangPoemImporter.Summary s) {
        printer.printf(
                "%s: %,d poems (%s); skipped %,d duplicates and %,d poems with other lines%n",
                s.file(), s.poems(), splits(s.splits()), s.duplicates(), s.rejected());
        printer.printf(
                "  regulated forms: %s%n",
                s.forms().entrySet().stream()
                        .map(e -> String.format("%s %,d", e.getKey().label(), e.getValue()))
                        .collect(Collectors.joining(", ")));
        printer.printf("  sha256 %s%n", s.sha256());
    }

    private static String splits(Map<Split, Integer> splits) {
        return splits.entrySet().stream()
                .map(e -> String.format("%s %,d", e.getKey().label(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static void printLines(PrintWriter printer, List<ImportSummary> summaries) {
        for (ImportSummary s : summaries) {
            printer.printf(
                    "%s: %,d lines (train %,d, valid %,d, test %,d), %,d distinct characters;"
                            + " skipped %,d duplicates and %,d non-Han or wrong-length pieces%n",
                    s.file(),
                    s.lines(),
                    s.train(),
                    s.valid(),
                    s.test(),
                    s.distinctCharacters(),
                    s.duplicates(),
                    s.rejected());
            printer.printf("  by length: %s%n", byLength(s));
            if (s.collection().heldOut().isPresent()) {
                HeldOut heldOut = s.collection().heldOut().get();
                printer.printf(
                        "  held out from %s: kept lines whose CRC32 is 0 mod %d, then dropped %,d"
                                + " that %s holds%n",
                        heldOut.unseenBy().label(),
                        heldOut.oneIn(),
                        s.heldElsewhere(),
                        heldOut.unseenBy().fileName());
            }
            printer.printf("  sha256 %s%n", s.sha256());
        }
    }

    /** "5 chars 1,296, 7 chars 1,332". */
    private static String byLength(ImportSummary summary) {
        return summary.lengths().entrySet().stream()
                .map(e -> String.format("%d chars %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
