package org.textvae.prior;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
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

    private static final String MIXTURE = "gaussian-mixture";
    private static final String POSTERIORS = "posterior-mixture";

    /** The stored forms: plain arrays, readable by any JSON tool. */
    private record StoredMixture(
            String kind,
            String fittedTo,
            double[] weights,
            double[][] means,
            double[][][] choleskyFactors) {}

    private record StoredPosteriors(
            String kind,
            String fittedTo,
            double widening,
            float[][] means,
            float[][] sigmas,
            int[] lengths) {}

    private PriorEntry() {}

    /** The prior a checkpoint's codes are drawn from: its fitted one, else N(0, I). */
    public static LatentPrior of(Checkpoint checkpoint, String source) {
        int latent = checkpoint.config().latentSize();
        byte[] entry = checkpoint.extras().get(NAME);
        if (entry == null) {
            return new StandardNormal(latent);
        }
        LatentPrior prior;
        try {
            prior = parse(new String(entry, StandardCharsets.UTF_8));
        } catch (JsonParseException
                | IllegalArgumentException
                | NullPointerException
                | IllegalStateException e) {
            throw damaged(source, e.getMessage());
        }
        if (prior.dimension() != latent) {
            throw damaged(
                    source,
                    "its codes have " + prior.dimension() + " values, the model's " + latent);
        }
        return prior;
    }

    private static LatentPrior parse(String json) {
        // Read straight into the record, not through a tree: a prior of kept posteriors holds a
        // million numbers, and a tree of them doubled a cold start's parsing time.
        String name = kindOf(json);
        if (name.equals(MIXTURE)) {
            StoredMixture stored = GSON.fromJson(json, StoredMixture.class);
            return new GaussianMixture(stored.weights(), stored.means(), stored.choleskyFactors());
        }
        if (name.equals(POSTERIORS)) {
            StoredPosteriors stored = GSON.fromJson(json, StoredPosteriors.class);
            // Entries written before lengths were kept have none: a mixture that cannot choose by
            // length, but samples as before.
            return new PosteriorMixture(
                    stored.means(), stored.sigmas(), stored.widening(), stored.lengths());
        }
        throw new IllegalArgumentException("its kind is neither " + MIXTURE + " nor " + POSTERIORS);
    }

    /** The top-level "kind" of the entry, "" when it has none; skips the arrays unread. */
    private static String kindOf(String json) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("kind") && reader.peek() == JsonToken.STRING) {
                    return reader.nextString();
                }
                reader.skipValue();
            }
            return "";
        } catch (IOException e) {
            throw new JsonParseException(e.getMessage(), e);
        }
    }

    /**
     * The checkpoint with {@code prior} as its prior, replacing any earlier one.
     *
     * @param fittedTo what it was fitted to, for people reading the file
     */
    public static Checkpoint with(Checkpoint checkpoint, LatentPrior prior, String fittedTo) {
        Object stored;
        if (prior instanceof GaussianMixture mixture) {
            stored =
                    new StoredMixture(
                            MIXTURE,
                            fittedTo,
                            mixture.weights(),
                            mixture.means(),
                            mixture.factors());
        } else if (prior instanceof PosteriorMixture posteriors) {
            stored =
                    new StoredPosteriors(
                            POSTERIORS,
                            fittedTo,
                            posteriors.widening(),
                            posteriors.means(),
                            posteriors.sigmas(),
                            posteriors.knowsLengths() ? posteriors.lengths() : null);
        } else {
            throw new IllegalArgumentException(
                    "N(0, I) needs no entry: it is what a checkpoint without one samples");
        }
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
