package org.textvae.generate;

import java.util.Objects;

/**
 * How a user's sentences are put into the latent space and read back out, for reconstruction and
 * for the ends of interpolation paths: the code (the posterior mean, or a code searched for beyond
 * it as {@link Refinement} says) and its decoding (greedy, or beam search of {@code beam} beams).
 * Both make the sentence come back more often, at several times the cost.
 *
 * @param beam beams, 1 (greedy) to {@link DecodingLimits#MAX_BEAM}
 * @param refinement how far each code is searched for beyond the posterior mean
 */
public record ReconstructionOptions(int beam, Refinement refinement) {

    /** The posterior mean, decoded greedily: as fast as generation. */
    public static final ReconstructionOptions GREEDY =
            new ReconstructionOptions(1, Refinement.NONE);

    public ReconstructionOptions {
        if (beam < 1 || beam > DecodingLimits.MAX_BEAM) {
            throw new IllegalArgumentException(
                    "beam width must be 1 to " + DecodingLimits.MAX_BEAM + ", got " + beam);
        }
        Objects.requireNonNull(refinement, "the refinement is null (Refinement.NONE for none)");
    }

    /** The posterior mean decoded by beam search of {@code beam} beams (1: greedily). */
    public static ReconstructionOptions beam(int beam) {
        return new ReconstructionOptions(beam, Refinement.NONE);
    }

    /** Codes refined by {@code steps} steps ({@link Refinement#steps}), decoded greedily. */
    public static ReconstructionOptions refined(int steps) {
        return new ReconstructionOptions(1, Refinement.steps(steps));
    }

    /** The same with {@code refinement}. */
    public ReconstructionOptions with(Refinement refinement) {
        return new ReconstructionOptions(beam, refinement);
    }

    /** Whether this is the plain, greedy reading of the posterior mean. */
    boolean greedyMeans() {
        return beam == 1 && !refinement.refines();
    }
}
