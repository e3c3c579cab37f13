/**
 * Vocabularies: building a word-level HuggingFace {@code tokenizer.json} from a corpus ({@link
 * org.textvae.vocab.VocabularyBuilder}) and using it through DJL's tokenizer binding ({@link
 * org.textvae.vocab.Vocabulary}). Special tokens have fixed ids: {@code <pad>}=0, {@code <unk>}=1,
 * {@code <bos>}=2, {@code <eos>}=3.
 */
package org.textvae.vocab;
