/**
 * Training runs: immutable settings, the seeded step (teacher forcing, word dropout, KL annealing,
 * free bits, FactorVAE's penalty), Adam with its state in every checkpoint, the epoch loop with
 * validation and plateau decay, and the run folder (config, manifest, metrics, checkpoints) from
 * which {@code --resume} continues exactly.
 */
package org.textvae.train;
