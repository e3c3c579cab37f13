package org.textvae.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.textvae.vocab.Vocabulary;

/**
 * A batch of sentences laid out for the network, every array in the batch's own manager.
 *
 * <p>Encoder input {@code w1..wn}; decoder input {@code <bos> w1..wn} (word dropout may turn some
 * {@code wi} into {@code <unk>}); targets {@code w1..wn <eos>}. When sentences differ in length the
 * batch is padded and carries lengths and a mask, so padding reaches neither the encoder's final
 * states nor the loss. When they are all the same length (length-bucketed training) both are null
 * and nobody pays for them.
 *
 * @param encoderIds (batch, time), int64
 * @param lengths (batch), int64, or null when nothing is padded
 * @param decoderInputs (batch, time + 1), int64
 * @param targets (batch, time + 1), int64
 * @param mask (batch, time + 1), float32, or null when nothing is padded
 * @param tokenCount real target tokens, {@code <eos>} included
 */
public record TokenBatch(
        NDArray encoderIds,
        NDArray lengths,
        NDArray decoderInputs,
        NDArray targets,
        NDArray mask,
        int size,
        long tokenCount) {

    /** Special token ids the layout needs. */
    public record Specials(int pad, int unk, int bos, int eos) {

        /** The special tokens of a vocabulary. */
        public static Specials of(Vocabulary vocabulary) {
            return new Specials(
                    vocabulary.padId(), vocabulary.unkId(), vocabulary.bosId(), vocabulary.eosId());
        }
    }

    /**
     * Lays out sentences (token ids without specials) in {@code manager}.
     *
     * @param wordDropout probability of replacing each decoder input word by {@code <unk>}
     * @param random drives word dropout; unused when {@code wordDropout} is 0
     */
    public static TokenBatch of(
            NDManager manager,
            List<int[]> sentences,
            Specials specials,
            double wordDropout,
            RandomGenerator random) {
        int batch = sentences.size();
        int time = 0;
        int shortest = Integer.MAX_VALUE;
        long tokens = 0;
        for (int[] sentence : sentences) {
            time = Math.max(time, sentence.length);
            shortest = Math.min(shortest, sentence.length);
            tokens += sentence.length + 1;
        }
        if (shortest == 0) {
            throw new IllegalArgumentException("a batch cannot hold an empty sentence");
        }
        int width = time + 1;
        long[] encoder = new long[batch * time];
        long[] lengths = new long[batch];
        long[] inputs = new long[batch * width];
        long[] targets = new long[batch * width];
        float[] mask = new float[batch * width];
        for (int b = 0; b < batch; b++) {
            int[] sentence = sentences.get(b);
            int n = sentence.length;
            lengths[b] = n;
            Arrays.fill(encoder, b * time, (b + 1) * time, specials.pad());
            Arrays.fill(inputs, b * width, (b + 1) * width, specials.pad());
            Arrays.fill(targets, b * width, (b + 1) * width, specials.pad());
            inputs[b * width] = specials.bos();
            for (int t = 0; t < n; t++) {
                encoder[b * time + t] = sentence[t];
                boolean dropped = wordDropout > 0 && random.nextDouble() < wordDropout;
                inputs[b * width + t + 1] = dropped ? specials.unk() : sentence[t];
                targets[b * width + t] = sentence[t];
            }
            targets[b * width + n] = specials.eos();
            Arrays.fill(mask, b * width, b * width + n + 1, 1f);
        }
        boolean padded = shortest != time;
        return new TokenBatch(
                HostArrays.longs(manager, encoder, new Shape(batch, time)),
                padded ? HostArrays.longs(manager, lengths, new Shape(batch)) : null,
                HostArrays.longs(manager, inputs, new Shape(batch, width)),
                HostArrays.longs(manager, targets, new Shape(batch, width)),
                padded ? HostArrays.floats(manager, mask, new Shape(batch, width)) : null,
                batch,
                tokens);
    }
}
