package org.textvae.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.textvae.corpus.NpmPackageFetcher;
import org.textvae.corpus.ToneTableBuilder;
import org.textvae.poetry.RhymeGroups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code textvae corpus tones}: builds the tone and rhyme table the verse scorer reads. */
@Command(
        mixinStandardHelpOptions = true,
        name = "tones",
        description = {
            "Build the character table of tones (平, 仄 or both) and 平聲 rhyme groups from the"
                    + " training split of the Tang poems of "
                    + NpmPackageFetcher.PACKAGE
                    + " (its strains marks and the rhymes of its regulated poems), with rows for"
                    + " simplified characters through opencc-js 1.4.2.",
            "The output is byte for byte reproducible."
        },
        footer = {
            "",
            "Examples:",
            "  textvae corpus tones --force    (rebuild the bundled table)",
            "  textvae corpus tones --package chinese-poetry-2.0.1.tgz"
                    + " --opencc opencc-js-1.4.2.tgz --out tones.tsv"
        })
public final class CorpusTonesCommand implements Callable<Integer> {

    @Mixin private PoetryPackageOption poetryPackage;

    @Option(
            names = "--opencc",
            paramLabel = "PATH",
            description = {
                "The opencc-js 1.4.2 package: its .tgz or unpacked folder.",
                "Default: fetch it with 'npm pack', cached in ~/.cache/textvae/npm"
            })
    private Path openccPath;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "src/main/resources/org/textvae/poetry/tones.tsv",
            description = "Table to write; replaced only with --force (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin private OutputFile output;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        output.check(out, poetryPackage.given, openccPath);
        Path cache = NpmPackageFetcher.defaultCacheDir();
        Path poetry = poetryPackage.path();
        Path opencc =
                openccPath != null
                        ? openccPath
                        : NpmPackageFetcher.fetch(cache, NpmPackageFetcher.OPENCC);
        ToneTableBuilder.Result result = ToneTableBuilder.build(poetry, opencc);
        result.table().write(out);
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(
                "%s: %,d characters (%,d added as simplified forms); marks of %,d of %,d training"
                        + " poems; rhymes of %,d poems%n",
                out,
                result.table().entries().size(),
                result.simplifiedRows(),
                result.markedPoems(),
                result.poems(),
                result.rhymeSets());
        printer.printf("  %d rhyme groups:%n", result.groups().groups().size());
        for (RhymeGroups.Group group : result.groups().groups()) {
            printer.printf(
                    "  %s %d: %s%n",
                    group.name(),
                    group.members().size(),
                    group.members().stream()
                            .limit(12)
                            .map(Character::toString)
                            .collect(Collectors.joining()));
        }
        printer.flush();
        return 0;
    }
}
