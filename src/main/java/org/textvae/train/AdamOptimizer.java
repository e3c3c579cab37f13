package org.textvae.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) with global gradient-norm clipping.
 *
 * <p>Written here rather than taken from DJL because its moment estimates must be saved in every
 * checkpoint and restored on resume, so a resumed run continues exactly where it stopped. The
 * moments live in the optimiser's own manager; every temporary of a step is closed with the step.
 * The step itself runs in PyTorch's fused kernel ({@link FusedAdamKernel}; β1 = 0.9, β2 = 0.999, ε
 * = 1e-8).
 */
public final class AdamOptimizer implements AutoCloseable {

    private final List<Parameter> parameters;
    private final NDManager manager;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private long steps;

    /** An optimiser over {@code parameters}, its state in a child of {@code parent}. */
    public AdamOptimizer(List<Parameter> parameters, NDManager parent) {
        this.parameters = List.copyOf(parameters);
        this.manager = parent.newSubManager();
        for (Parameter parameter : this.parameters) {
            firstMoments.add(manager.zeros(parameter.getArray().getShape()));
            secondMoments.add(manager.zeros(parameter.getArray().getShape()));
        }
    }

    /** Steps taken so far (the bias correction depends on it). */
    public long steps() {
        return steps;
    }

    /**
     * Clips the gradients to a global L2 norm of {@code maxNorm} (0 = no clipping), takes one Adam
     * step and zeroes the gradients for the next backward pass.
     *
     * @return the gradient norm before clipping
     */
    public float step(float learningRate, float maxNorm) {
        // The gradients' handles are closed with the scope; the gradients themselves stay.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            List<NDArray> weights = new ArrayList<>(parameters.size());
            List<NDArray> gradients = new ArrayList<>(parameters.size());
            for (Parameter parameter : parameters) {
                weights.add(parameter.getArray());
                gradients.add(parameter.getArray().getGradient());
            }
            steps++;
            return FusedAdamKernel.step(
                    weights, gradients, firstMoments, secondMoments, steps, learningRate, maxNorm);
        }
    }

    /** Zeroes the gradients without a step (e.g. those another objective left behind). */
    public void discardGradients() {
        for (Parameter parameter : parameters) {
            try (NDArray gradient = parameter.getArray().getGradient()) {
                gradient.muli(0);
            }
        }
    }

    /** The moments, in parameter order: all first moments, then all second moments. */
    public NDList state() {
        NDList state = new NDList();
        state.addAll(firstMoments);
        state.addAll(secondMoments);
        return state;
    }

    /** Restores the moments written by {@link #state()} and the step count. */
    public void restore(NDList state, long steps) {
        if (state.size() != 2 * parameters.size()) {
            throw new IllegalArgumentException(
                    "optimizer state has "
                            + state.size()
                            + " arrays, expected "
                            + 2 * parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            restoreInto(firstMoments.get(i), state.get(i));
            restoreInto(secondMoments.get(i), state.get(parameters.size() + i));
        }
        this.steps = steps;
    }

    private static void restoreInto(NDArray target, NDArray saved) {
        if (!target.getShape().equals(saved.getShape())) {
            throw new IllegalArgumentException(
                    "optimizer state shape "
                            + saved.getShape()
                            + " does not match "
                            + target.getShape());
        }
        copyInPlace(target, saved);
    }

    /**
     * Overwrites {@code target} with {@code source}, exactly, keeping the array (and a parameter's
     * gradient) in place. NDArray.set would do it too, but on PyTorch it prints a deprecation
     * warning ("AutoNonVariableTypeMode") on every resume. Exact for finite values, which is all a
     * run that has not diverged holds.
     */
    static void copyInPlace(NDArray target, NDArray source) {
        target.muli(0).addi(source);
    }

    @Override
    public void close() {
        manager.close();
    }
}
