package org.textvae.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code textvae corpus}: groups the corpus subcommands. */
@Command(
        mixinStandardHelpOptions = true,
        name = "corpus",
        description =
                "Build corpora (import the Tang poems, whole or as lines, Song ci and a held-out set of"
                        + " Song shi lines) and the tone and rhyme table.",
        subcommands = {
            CorpusImportCommand.class,
            CorpusTonesCommand.class,
            CorpusTunesCommand.class
        })
public final class CorpusCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    /** Without a subcommand there is nothing to do but show the choices. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
