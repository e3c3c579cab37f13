package org.textvae.train;

/**
 * Sums over the steps since the last metrics row. Saved in every checkpoint: a checkpoint seldom
 * falls on a row (epoch ends never need to), and a resumed run that started its window afresh would
 * average the first row over the resumed steps only.
 */
final class MetricsWindow {

    int steps;
    double loss;
    double reconstruction;
    double kl;
    double gradNorm;
    double beta;
    long tokens;
    double seconds;
    double tc;
    double discriminatorLoss;

    void add(TrainingStep.Outcome outcome, double elapsed) {
        tc += outcome.totalCorrelation();
        discriminatorLoss += outcome.discriminatorLoss();
        steps++;
        loss += outcome.loss();
        reconstruction += outcome.reconstruction();
        kl += outcome.kl();
        gradNorm += outcome.gradNorm();
        beta = outcome.beta();
        tokens += outcome.tokens();
        seconds += elapsed;
    }
}
