package org.textvae.prior;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;

/**
 * A fitted prior as a checkpoint entry, {@code prior.json}, beside the weights it was fitted to. A
 * checkpoint without one samples from N(0, I).
 */
public final class PriorEntry {

    /** The checkpoint entry's name. */
    public static final String NAME = "prior.json";

    private static final Gson GSON = new Gson();

    /** The stored form: plain arrays, readable by any JSON tool. */
    private record Stored(
            String kind,
            String fittedTo,
            double[] weights,
            double[][] means,
            double[][][] choleskyFactors) {}

    private PriorEntry() {}

    /** The prior a checkpoint's codes are drawn from: its fitted one, else N(0, I). */
    public static LatentPrior of(Checkpoint checkpoint, String source) {
        int latent = checkpoint.config().latentSize();
        byte[] entry = checkpoint.extras().get(NAME);
        if (entry == null) {
            return new StandardNormal(latent);
        }
        GaussianMixture mixture;
        try {
            Stored stored = GSON.fromJson(new String(entry, StandardCharsets.UTF_8), Stored.class);
            if (stored == null || !"gaussian-mixture".equals(stored.kind())) {
                throw new IllegalArgumentException("it is not a Gaussian mixture");
            }
            mixture =
                    new GaussianMixture(stored.weights(), stored.means(), stored.choleskyFactors());
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw damaged(source, e.getMessage());
        }
        if (mixture.dimension() != latent) {
            throw damaged(
                    source,
                    "its codes have " + mixture.dimension() + " values, the model's " + latent);
        }
        return mixture;
    }

    /**
     * The checkpoint with {@code mixture} as its prior, replacing any earlier one.
     *
     * @param fittedTo what it was fitted to, for people reading the file
     */
    public static Checkpoint with(Checkpoint checkpoint, GaussianMixture mixture, String fittedTo) {
        Stored stored =
                new Stored(
                        "gaussian-mixture",
                        fittedTo,
                        mixture.weights(),
                        mixture.means(),
                        mixture.factors());
        Map<String, byte[]> extras = new LinkedHashMap<>(checkpoint.extras());
        extras.put(NAME, GSON.toJson(stored).getBytes(StandardCharsets.UTF_8));
        return new Checkpoint(
                checkpoint.config(), checkpoint.tokenizerJson(), checkpoint.weights(), extras);
    }

    private static TextvaeException damaged(String source, String why) {
        return new TextvaeException(
                TextvaeException.Kind.MODEL,
                "cannot load checkpoint "
                        + source
                        + ": its "
                        + NAME
                        + " is unusable ("
                        + why
                        + "); fit it again with textvae prior");
    }
}
