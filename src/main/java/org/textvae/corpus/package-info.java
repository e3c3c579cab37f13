/**
 * Sentence corpora: reading them ({@link org.textvae.corpus.CorpusReader}) from CSV or plain text,
 * and building the bundled Chinese poetry corpora and the held-out Song shi test set ({@link
 * org.textvae.corpus.ChinesePoetryImporter}) reproducibly from the {@code chinese-poetry} npm
 * package.
 */
package org.textvae.corpus;
