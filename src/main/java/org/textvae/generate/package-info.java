/**
 * Latent codes to lines and sentences to codes: greedy, masked, sampled and beam-search decoding in
 * batches side by side ({@link org.textvae.generate.CodeDecoding}), posteriors, reconstructions and
 * interpolation paths in bulk ({@link org.textvae.generate.SentenceCodec}), and a model's open or
 * closed state across threads. The library entry point over them is {@code
 * org.textvae.SentenceVae}.
 */
package org.textvae.generate;
