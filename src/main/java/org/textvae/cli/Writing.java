package org.textvae.cli;

/**
 * How {@code verse --generate} writes its poems.
 *
 * @param candidates codes tried for each line
 * @param followLines whether lines follow the model's line succession, when it holds one
 */
record Writing(int candidates, boolean followLines) {}
