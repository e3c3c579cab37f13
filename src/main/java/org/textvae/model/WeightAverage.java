package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.textvae.TextvaeException;

/**
 * Checkpoint averaging: the element-wise mean of the weights of several checkpoints of one run (as
 * in Polyak averaging and stochastic weight averaging). Checkpoints taken along one run lie near
 * each other, and their mean can generalise better than any one of them. The result holds weights
 * only, no training state: it is a model to evaluate or generate from, not to resume.
 */
public final class WeightAverage {

    private WeightAverage() {}

    /**
     * The mean of the checkpoints' weights, under the first one's settings and vocabulary.
     *
     * @param checkpoints at least one; all with the same settings and vocabulary
     * @param names how to name each checkpoint in an error, in the same order
     * @throws TextvaeException of kind MODEL when the checkpoints belong to different models
     */
    public static Checkpoint of(List<Checkpoint> checkpoints, List<String> names) {
        if (checkpoints.isEmpty() || checkpoints.size() != names.size()) {
            throw new IllegalArgumentException("one name for each of at least one checkpoint");
        }
        Checkpoint first = checkpoints.get(0);
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint other = checkpoints.get(i);
            String mismatch =
                    !other.config().equals(first.config())
                            ? "other model settings"
                            : !other.tokenizerJson().equals(first.tokenizerJson())
                                    ? "another vocabulary"
                                    : null;
            if (mismatch != null) {
                throw new TextvaeException(
                        TextvaeException.Kind.MODEL,
                        names.get(i)
                                + " has "
                                + mismatch
                                + " than "
                                + names.get(0)
                                + ": average checkpoints of one run only");
            }
            Optional<String> run = first.runStarted();
            Optional<String> otherRun = other.runStarted();
            if (run.isPresent() && otherRun.isPresent() && !run.equals(otherRun)) {
                // Same settings, different runs (another seed, say): their weights are unrelated.
                throw new TextvaeException(
                        TextvaeException.Kind.MODEL,
                        names.get(i)
                                + " comes from another run than "
                                + names.get(0)
                                + " (started "
                                + otherRun.get()
                                + ", not "
                                + run.get()
                                + "): average checkpoints of one run only");
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            SentenceVaeNetwork mean = first.network(manager);
            List<NDArray> sums = distinctArrays(mean);
            for (Checkpoint other : checkpoints.subList(1, checkpoints.size())) {
                try (NDManager scope = manager.newSubManager()) {
                    List<NDArray> addends = distinctArrays(other.network(scope));
                    for (int p = 0; p < sums.size(); p++) {
                        sums.get(p).addi(addends.get(p));
                    }
                }
            }
            for (NDArray sum : sums) {
                sum.divi(checkpoints.size());
            }
            // The mean names its run when every checkpoint names that one.
            boolean oneRun =
                    checkpoints.stream().allMatch(c -> c.runStarted().equals(first.runStarted()));
            Map<String, byte[]> extras =
                    first.runStarted()
                            .filter(started -> oneRun)
                            .map(Checkpoint::runEntry)
                            .orElse(Map.of());
            return Checkpoint.of(mean, first.tokenizerJson(), extras);
        }
    }

    /** Each weight array once, in parameter order, even where a layer shares another's weight. */
    private static List<NDArray> distinctArrays(SentenceVaeNetwork network) {
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<NDArray> arrays = new ArrayList<>();
        for (Parameter parameter : network.getParameters().values()) {
            if (seen.add(parameter)) {
                arrays.add(parameter.getArray());
            }
        }
        return arrays;
    }
}
