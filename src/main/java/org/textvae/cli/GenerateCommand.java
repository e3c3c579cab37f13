package org.textvae.cli;

import com.google.gson.Gson;
import java.util.List;
import java.util.concurrent.Callable;
import org.textvae.generate.SentenceVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code textvae generate}: sentences decoded from z ~ N(0, I). */
@Command(
        name = "generate",
        sortOptions = false,
        showDefaultValues = true,
        description = {
            "Draws z ~ N(0, I) and decodes each greedily (the most likely token at every step),",
            "all lines in one batch, stopping at <eos> or --max-length. One line per sentence."
        },
        footer = {"", "Example: textvae generate --model runs/tang -n 10 --seed 7"})
final class GenerateCommand implements Callable<Integer> {

    @Mixin ModelOption modelOption;

    @Option(names = {"-n", "--count"}, defaultValue = "10", description = "How many sentences.")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for z.")
    long seed;

    @Option(names = "--json", description = "Print a JSON array instead of plain lines.")
    boolean json;

    @Override
    public Integer call() {
        try (SentenceVae vae = modelOption.load()) {
            List<String> lines = vae.sample(count, seed);
            if (json) {
                System.out.println(new Gson().toJson(lines));
            } else {
                lines.forEach(System.out::println);
            }
        }
        return 0;
    }
}
