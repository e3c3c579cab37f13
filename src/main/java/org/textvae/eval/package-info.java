/**
 * Evaluation of sentence VAEs: the ELBO's terms, the importance-weighted NLL (Burda et al. 2016),
 * mutual information and active units of the posterior (He et al. 2019), the total correlation of
 * the aggregate posterior (Chen et al. 2018; Kim and Mnih 2018), reconstruction accuracy,
 * prior-sample diversity (distinct-n, self-BLEU, novelty), poem form and NLL under a separate
 * language model, the plots of a run, and the side-by-side comparison of several runs.
 */
package org.textvae.eval;
