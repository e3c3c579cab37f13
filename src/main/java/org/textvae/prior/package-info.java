/**
 * The distribution that generation draws latent codes from. A VAE's prior is N(0, I); a model that
 * keeps most of each sentence in z has an aggregate posterior far from it, and codes drawn from
 * N(0, I) fall between the sentences. An ex-post density fitted to the posterior (Ghosh et al.
 * 2020: a Gaussian mixture, {@link org.textvae.prior.GaussianMixture}) maps noise u ~ N(0, I) to
 * codes where the data is: z = μ_k + L_k u for a component k drawn by its weight.
 */
package org.textvae.prior;
