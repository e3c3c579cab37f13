package org.textvae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.model.Checkpoint;
import org.textvae.model.WeightAverage;

/** {@code --keep-epochs}: each epoch's end leaves the weights it validated, ready to average. */
class KeptEpochsTest {

    @TempDir Path dir;

    private static TrainConfig twoEpochs(boolean keepEpochs) {
        return TinyCorpus.training(
                        3, 2L * TinyCorpus.STEPS_PER_EPOCH, 1e-3f, 0.25, new KlSchedule.Linear(10))
                .toBuilder()
                .keepEpochs(keepEpochs)
                .build();
    }

    @Test
    void eachEpochEndLeavesItsWeightsAndNothingElse() throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = dir.resolve("kept");
        TrainingRun.start(tiny.job(root, twoEpochs(true)), l -> {}, false);
        Path checkpoints = root.resolve("checkpoints");
        assertEquals(
                List.of("best.ckpt", "epoch-001.ckpt", "epoch-002.ckpt", "last.ckpt"),
                names(checkpoints));
        Checkpoint first = Checkpoint.read(checkpoints.resolve("epoch-001.ckpt"));
        Checkpoint second = Checkpoint.read(checkpoints.resolve("epoch-002.ckpt"));
        assertEquals(
                Set.of(Checkpoint.RUN_ENTRY),
                second.extras().keySet(),
                "weights and the run's name only, no training state");
        // Every checkpoint of the run names it by when it started, as manifest.json records it.
        String started =
                JsonParser.parseString(Files.readString(root.resolve("manifest.json")))
                        .getAsJsonObject()
                        .get("started")
                        .getAsString();
        for (String file : List.of("epoch-001.ckpt", "epoch-002.ckpt", "best.ckpt", "last.ckpt")) {
            assertEquals(
                    Optional.of(started), Checkpoint.read(checkpoints.resolve(file)).runStarted());
        }
        // The run ends at the second epoch's end, so its last checkpoint holds the same weights.
        Checkpoint last = Checkpoint.read(checkpoints.resolve("last.ckpt"));
        assertArrayEquals(last.weights(), second.weights());
        assertFalse(Arrays.equals(first.weights(), second.weights()));
        Checkpoint mean = WeightAverage.of(List.of(first, second), List.of("1", "2"));
        assertEquals(last.config(), mean.config());
        assertEquals(Optional.of(started), mean.runStarted());
    }

    @Test
    void withoutTheOptionOnlyBestAndLastAreWritten() throws Exception {
        TinyCorpus tiny = TinyCorpus.in(dir);
        Path root = dir.resolve("plain");
        TrainingRun.start(tiny.job(root, twoEpochs(false)), l -> {}, false);
        assertEquals(List.of("best.ckpt", "last.ckpt"), names(root.resolve("checkpoints")));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
