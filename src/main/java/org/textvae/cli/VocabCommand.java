package org.textvae.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code textvae vocab}: groups the vocabulary subcommands. */
@Command(
        mixinStandardHelpOptions = true,
        name = "vocab",
        description = "Build vocabularies (HuggingFace tokenizer.json files).",
        subcommands = {VocabBuildCommand.class})
public final class VocabCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    /** Without a subcommand there is nothing to do but show the choices. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
