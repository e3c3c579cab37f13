package org.textvae.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.textvae.TextvaeException;
import org.textvae.model.Checkpoint;
import org.textvae.model.LossTerms;
import org.textvae.model.ModelKind;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;
import org.textvae.vocab.Vocabulary;

/**
 * Generated lines scored by a separately trained GRU language model ({@code textvae train --model
 * lm}): the mean −log p_LM(x) of a model's prior samples, a fluency figure that does not trust the
 * model to judge its own output. A sample is scored as a whole sentence, {@code <eos>} included,
 * exactly as the LM's own evaluation scores corpus lines; an empty sample (the decoder chose {@code
 * <eos>} at once) costs −log p_LM({@code <eos>} | {@code <bos>}).
 */
public final class LanguageModelScore {

    /**
     * The scores.
     *
     * @param model where the LM came from
     * @param sentences samples scored
     * @param tokens their tokens, one {@code <eos>} each included
     * @param nllPerSentence mean −log p_LM(x), nats per sentence
     */
    public record Result(String model, int sentences, long tokens, double nllPerSentence) {
        /** Nats per token, {@code <eos>} counted. */
        public double nllPerToken() {
            return nllPerSentence * sentences / tokens;
        }
    }

    /**
     * A trained language model to score with.
     *
     * @param checkpoint its checkpoint ({@code --model lm})
     * @param name where it came from, for reports and messages
     */
    public record Reference(Checkpoint checkpoint, String name) {}

    private LanguageModelScore() {}

    /**
     * Fails with a one-line message unless {@code lm} is a language model over the same vocabulary
     * as {@code tokenizerJson}: token ids mean nothing across vocabularies.
     */
    public static void requireCompatible(Checkpoint lm, String lmName, String tokenizerJson) {
        if (lm.config().kind() != ModelKind.LM) {
            throw new TextvaeException(
                    TextvaeException.Kind.USAGE,
                    "--lm "
                            + lmName
                            + " is a "
                            + lm.config().kind()
                            + ", not a language model: train one with 'textvae train --model lm'");
        }
        if (lm.tokenizerJson().equals(tokenizerJson)) {
            return;
        }
        try (Vocabulary theirs = Vocabulary.fromJson(lm.tokenizerJson());
                Vocabulary ours = Vocabulary.fromJson(tokenizerJson)) {
            String difference = difference(ours, theirs);
            if (difference != null) {
                throw new TextvaeException(
                        TextvaeException.Kind.INPUT,
                        "--lm "
                                + lmName
                                + " has another vocabulary than the model ("
                                + difference
                                + "): train the LM with the model's --vocab");
            }
        }
    }

    private static String difference(Vocabulary ours, Vocabulary theirs) {
        if (ours.size() != theirs.size()) {
            return String.format(
                    Locale.ROOT, "%,d tokens against the model's %,d", theirs.size(), ours.size());
        }
        if (ours.segmentation() != theirs.segmentation()) {
            return "it segments by "
                    + theirs.segmentation()
                    + ", the model by "
                    + ours.segmentation();
        }
        for (int id = 0; id < ours.size(); id++) {
            if (!ours.token(id).equals(theirs.token(id))) {
                return "token "
                        + id
                        + " is '"
                        + theirs.token(id)
                        + "', the model's '"
                        + ours.token(id)
                        + "'";
            }
        }
        return null;
    }

    /** Scores token-id sentences (without specials) under the LM, in batches of equal length. */
    public static Result score(Checkpoint lm, String name, List<int[]> sentences, int batchSize) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no samples to score");
        }
        List<int[]> nonEmpty = new ArrayList<>(sentences.size());
        for (int[] sentence : sentences) {
            if (sentence.length > 0) {
                nonEmpty.add(sentence);
            }
        }
        int empty = sentences.size() - nonEmpty.size();
        try (NDManager manager = NDManager.newBaseManager();
                Vocabulary vocabulary = Vocabulary.fromJson(lm.tokenizerJson())) {
            SentenceVaeNetwork network = lm.network(manager);
            double total = 0;
            long tokens = empty;
            if (!nonEmpty.isEmpty()) {
                // For an LM the "reconstruction" term is its exact NLL: there is no z to draw.
                ElboEvaluator.Report report =
                        ElboEvaluator.evaluate(
                                network,
                                manager,
                                nonEmpty,
                                TokenBatch.Specials.of(vocabulary),
                                0,
                                batchSize);
                total += report.reconstruction() * nonEmpty.size();
                tokens += report.tokens();
            }
            total += empty * endAtOnce(network, manager, vocabulary);
            return new Result(name, sentences.size(), tokens, total / sentences.size());
        }
    }

    /** −log p_LM(<eos> | <bos>), the cost of an empty line (no batch layout holds one). */
    private static double endAtOnce(
            SentenceVaeNetwork network, NDManager parent, Vocabulary vocabulary) {
        try (NDManager manager = parent.newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            long[] bos = {vocabulary.bosId()};
            long[] eos = {vocabulary.eosId()};
            NDArray inputs = manager.create(bos, new Shape(1, 1));
            NDArray targets = manager.create(eos, new Shape(1, 1));
            NDArray state = network.initialState(store, null, 1, manager, false);
            NDArray logits = network.decode(store, null, inputs, state, false).head();
            return LossTerms.reconstruction(logits, targets, null).getFloat();
        }
    }
}
