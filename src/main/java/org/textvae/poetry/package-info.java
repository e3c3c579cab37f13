/**
 * The rules of Tang regulated verse (近體詩) as code: a poem as data ({@link
 * org.textvae.poetry.Poem}), a character table of tones and 平水韻 rhyme groups ({@link
 * org.textvae.poetry.ToneTable}), a scorer for form, rhyme and tonal pattern ({@link
 * org.textvae.poetry.RegulatedVerseScorer}), and a writer of regulated verse that decodes a model's
 * lines under masks keeping those rules ({@link org.textvae.poetry.RegulatedPoemWriter}).
 */
package org.textvae.poetry;
