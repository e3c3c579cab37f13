/**
 * The library entry point, {@link org.textvae.SentenceVae}: load a model, encode sentences to z,
 * decode z greedily, by sampling or by beam search, write poems of a set form, and interpolate
 * between sentences; batched and safe to call from several threads.
 */
package org.textvae.generate;
