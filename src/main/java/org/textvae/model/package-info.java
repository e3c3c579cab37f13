/**
 * The network: a token embedding, a bidirectional GRU encoder read at each sentence's last real
 * token, the Gaussian posterior q(z|x) with its reparameterised draw, and a GRU decoder conditioned
 * on z (Bowman et al. 2016), with its training-only dropout masks; the settings that shape it, and
 * the self-describing checkpoint files that carry settings, vocabulary and weights together.
 */
package org.textvae.model;
