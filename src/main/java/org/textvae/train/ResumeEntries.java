package org.textvae.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;

/**
 * What a run's checkpoint carries beside the weights so that {@code --resume} continues exactly:
 * the job, where the run stands, the steps since the last metrics row and Adam's moments.
 */
public final class ResumeEntries {

    static final String JOB_ENTRY = "training/job.json";
    static final String STATE_ENTRY = "training/state.json";
    static final String WINDOW_ENTRY = "training/metrics-window.json";
    static final String OPTIMIZER_ENTRY = "training/optimizer.ndlist";

    private ResumeEntries() {}

    /** Whether {@code checkpoint} carries a run's training state, so that --resume can use it. */
    public static boolean resumable(Checkpoint checkpoint) {
        return checkpoint.extras().containsKey(JOB_ENTRY);
    }

    /** The entries for a checkpoint of {@code job} at {@code state}, in a map open to more. */
    static Map<String, byte[]> of(
            TrainingJob job, TrainingState state, MetricsWindow window, AdamOptimizer optimizer) {
        Map<String, byte[]> extras = new LinkedHashMap<>();
        extras.put(JOB_ENTRY, utf8(JobJson.GSON.toJson(job)));
        extras.put(STATE_ENTRY, utf8(JobJson.GSON.toJson(state)));
        extras.put(WINDOW_ENTRY, utf8(JobJson.GSON.toJson(window)));
        extras.put(OPTIMIZER_ENTRY, optimizer.state().encode());
        return extras;
    }

    /** The job recorded in a checkpoint, for {@code --resume}. */
    static TrainingJob job(Checkpoint checkpoint, Path file) {
        return parse(checkpoint, JOB_ENTRY, TrainingJob.class, file);
    }

    static TrainingState state(Checkpoint checkpoint, Path file) {
        return parse(checkpoint, STATE_ENTRY, TrainingState.class, file);
    }

    /** The open metrics window; an empty one in checkpoints written before it was saved. */
    static MetricsWindow window(Checkpoint checkpoint, Path file) {
        return checkpoint.extras().containsKey(WINDOW_ENTRY)
                ? parse(checkpoint, WINDOW_ENTRY, MetricsWindow.class, file)
                : new MetricsWindow();
    }

    static NDList optimizerState(Checkpoint checkpoint, NDManager manager, Path file) {
        byte[] bytes = checkpoint.extras().get(OPTIMIZER_ENTRY);
        if (bytes == null) {
            throw notResumable(file, "it holds no optimizer state");
        }
        return NDList.decode(manager, bytes);
    }

    private static <T> T parse(Checkpoint checkpoint, String entry, Class<T> type, Path file) {
        byte[] bytes = checkpoint.extras().get(entry);
        if (bytes == null) {
            throw notResumable(file, "it holds no " + entry);
        }
        try {
            return JobJson.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), type);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw notResumable(file, entry + " is invalid (" + e.getMessage() + ")");
        }
    }

    private static TextvaeException notResumable(Path file, String why) {
        return new TextvaeException(
                TextvaeException.Kind.MODEL,
                "cannot resume from " + file + ": " + why + "; start a new run instead");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
