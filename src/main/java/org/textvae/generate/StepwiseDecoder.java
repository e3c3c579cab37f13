package org.textvae.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.textvae.model.DecoderStep;
import org.textvae.model.HostArrays;
import org.textvae.model.SentenceVaeNetwork;
import org.textvae.model.TokenBatch;

/**
 * Decoding of a batch of latent codes, all rows at once, one token per step chosen by a {@link
 * TokenChooser} (greedy by default). Each step feeds the decoder the previous token <em>and the
 * state the previous step returned</em>, through a {@link DecoderStep} that computes what the
 * network's decoder computes with the token embeddings' input projection done once; token ids stay
 * in native memory until the end, when the whole batch is read back in one copy.
 */
public final class StepwiseDecoder {

    /**
     * How often (in steps) a large batch checks whether every row has ended, which costs a copy.
     * Small batches (a single line, an interpolation path) check every step: their steps are cheap,
     * so decoding past the end costs more than the copy.
     */
    private static final int FINISH_CHECK_INTERVAL = 8;

    private static final int SMALL_BATCH = 16;

    private final SentenceVaeNetwork network;
    private final TokenBatch.Specials specials;
    private final DecoderStep step;

    /**
     * Prepares decoding with a network's weights.
     *
     * @param manager holds the precomputed step (a table of vocabulary × 3 × hidden floats); it
     *     must outlive this decoder, and the network must outlive both
     */
    public StepwiseDecoder(
            SentenceVaeNetwork network, TokenBatch.Specials specials, NDManager manager) {
        this.network = network;
        this.specials = specials;
        this.step = DecoderStep.of(network, manager);
    }

    /**
     * Decodes each row of z (batch, latent).
     *
     * @param length the exact length of every line (0: stop at {@code <eos>} or {@code maxLength})
     * @param banned token ids never to emit besides {@code <pad>}, {@code <bos>} and {@code <unk>},
     *     which never are ({@link NeverEmitted})
     * @param chooser picks each next token
     * @return token ids per row, without specials
     */
    public List<int[]> decode(
            NDManager parent,
            NDArray z,
            int maxLength,
            int length,
            int[] banned,
            TokenChooser chooser) {
        return decode(parent, z, maxLength, length, banned, null, chooser);
    }

    /**
     * Decodes each row of z with its tokens restricted position by position: row i's token at step
     * t is chosen among those {@code masks} allows for line i at position t. Lines end at {@code
     * <eos>} (if a mask allows it) or after {@code masks.positions()} tokens.
     *
     * @param masks one line of masks per row of z
     */
    public List<int[]> decode(
            NDManager parent, NDArray z, PositionMasks masks, TokenChooser chooser) {
        return decode(parent, z, masks.positions(), 0, new int[0], masks, chooser);
    }

    private List<int[]> decode(
            NDManager parent,
            NDArray z,
            int maxLength,
            int length,
            int[] banned,
            PositionMasks masks,
            TokenChooser chooser) {
        int batch = (int) z.getShape().get(0);
        int steps = length > 0 ? length : maxLength;
        try (NDManager manager = parent.newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            NDArray codes = z.duplicate();
            codes.attach(manager);
            NDArray bias = step.outputBias(bias(manager, banned, length > 0));
            NDArray latentGates = step.latentGates(codes);
            NDArray state = network.initialState(store, codes, batch, manager, false).squeeze(0);
            NDArray previous = manager.full(new Shape(batch), specials.bos(), DataType.INT64);
            NDList emitted = new NDList();
            NDArray finished = manager.zeros(new Shape(batch), DataType.BOOLEAN);
            Masking masking = masks == null ? null : new Masking(masks, manager);
            for (int t = 0; t < steps; t++) {
                state = step.advance(previous, state, latentGates);
                NDArray next =
                        masking == null
                                ? chooser.choose(step, state, bias, manager)
                                : chooser.choose(
                                        step.logits(state, bias).add(masking.at(t)), manager);
                emitted.add(next);
                previous = next;
                if (length == 0) {
                    finished = finished.logicalOr(next.eq(specials.eos()));
                    int interval = batch <= SMALL_BATCH ? 1 : FINISH_CHECK_INTERVAL;
                    if ((t + 1) % interval == 0 && finished.all().getBoolean()) {
                        break;
                    }
                }
            }
            long[] ids = NDArrays.stack(emitted, 1).toLongArray();
            return cut(ids, batch, emitted.size());
        }
    }

    /** The masks of a batch in native memory: a bias table and each row's set per position. */
    private final class Masking {

        private final NDArray table;
        private final NDArray choices;

        Masking(PositionMasks masks, NDManager manager) {
            int vocabulary = network.config().vocabSize();
            table =
                    HostArrays.floats(
                            manager,
                            masks.biasTable(vocabulary),
                            new Shape(masks.sets(), vocabulary));
            choices =
                    HostArrays.longs(
                            manager, masks.choices(), new Shape(masks.lines(), masks.positions()));
        }

        /** The bias (batch, vocabulary) at step t: each row's allowed set's row of the table. */
        NDArray at(int t) {
            NDArray ids = choices.get(":, " + t);
            return ids.getNDArrayInternal()
                    .embedding(ids, table, SparseFormat.DENSE)
                    .singletonOrThrow();
        }
    }

    /** Added to the logits (through the output bias): −∞ on every token never to emit. */
    private NDArray bias(NDManager manager, int[] banned, boolean fixedLength) {
        float[] values =
                NeverEmitted.bias(network.config().vocabSize(), specials, banned, fixedLength);
        return HostArrays.floats(manager, values, new Shape(values.length));
    }

    private List<int[]> cut(long[] ids, int batch, int steps) {
        List<int[]> lines = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            int[] line = new int[steps];
            int n = 0;
            for (int t = 0; t < steps; t++) {
                int id = (int) ids[b * steps + t];
                if (id == specials.eos()) {
                    break;
                }
                line[n++] = id;
            }
            lines.add(Arrays.copyOf(line, n));
        }
        return lines;
    }
}
