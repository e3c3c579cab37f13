package org.textvae.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.generate.SentenceVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code textvae reconstruct}: each sentence through the encoder's mean and back. */
@Command(
        mixinStandardHelpOptions = true,
        name = "reconstruct",
        showDefaultValues = true,
        description = {
            "Encode sentences and decode them again.",
            "Each TEXT goes to its posterior mean and back through greedy decoding: one output"
                    + " line per input. Unknown characters are read as <unk> and reported on"
                    + " stderr."
        },
        footer = {"", "Example: textvae reconstruct 床前明月光 疑是地上霜"})
final class ReconstructCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Sentences to reconstruct.")
    List<String> texts;

    @Option(names = "--json", description = "Print a JSON array instead of plain lines.")
    boolean json;

    @Override
    public Integer call() {
        try (SentenceVae vae = modelOption.load()) {
            Unknowns.report(vae, texts.toArray(String[]::new));
            List<String> lines = new ArrayList<>();
            for (String text : texts) {
                lines.add(vae.reconstruct(text));
            }
            if (json) {
                System.out.println(JsonOutput.GSON.toJson(lines));
            } else {
                lines.forEach(System.out::println);
            }
        }
        return 0;
    }
}
