/**
 * Song ci (詞) written to a tune (詞牌): each tune's form as the Song ci corpus has it ({@link
 * org.textvae.ci.Tune}: the length of each line, where it rhymes, where the second stanza starts)
 * and the table of tunes packed into the jar ({@link org.textvae.ci.TuneTable}).
 */
package org.textvae.ci;
