package org.textvae.train;

import java.util.List;
import org.textvae.eval.ElboEvaluator;

/**
 * What a run (or the resumed part of it) did.
 *
 * @param folder the run folder
 * @param state where the run stopped
 * @param validation the last validation report
 * @param losses the loss of every step taken in this invocation, in order
 */
public record TrainingResult(
        RunFolder folder,
        TrainingState state,
        ElboEvaluator.Report validation,
        List<Float> losses) {}
