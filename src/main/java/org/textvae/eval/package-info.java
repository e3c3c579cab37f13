/**
 * Evaluation of sentence VAEs: the ELBO's terms, the importance-weighted NLL (Burda et al. 2016),
 * mutual information and active units of the posterior (He et al. 2019), reconstruction accuracy,
 * prior-sample diversity (distinct-n, self-BLEU, novelty), poem form, and the plots of a run.
 */
package org.textvae.eval;
