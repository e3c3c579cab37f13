package org.textvae.cli;

import java.nio.file.Path;
import org.textvae.corpus.NpmPackageFetcher;
import picocli.CommandLine.Option;

/** The {@code --package} option of the commands that build data from chinese-poetry. */
final class PoetryPackageOption {

    @Option(
            names = "--package",
            paramLabel = "PATH",
            description = {
                "The chinese-poetry package: its .tgz or unpacked folder.",
                "Default: fetch it with 'npm pack', cached in ~/.cache/textvae/npm"
            })
    Path given;

    /** The package given, else the cached one, fetched first when it is missing. */
    Path path() {
        return given != null ? given : NpmPackageFetcher.fetch(NpmPackageFetcher.defaultCacheDir());
    }
}
