package org.textvae.poetry;

/**
 * Running totals of {@link PoemScore}s: the share of poems that rhyme and that follow the tonal
 * rules strictly, and the shares of lines, couplets and joins that follow them one by one.
 */
public final class VerseFigures {

    private int poems;
    private int regular;
    private int rhyming;
    private int strict;
    private int lines;
    private int linesFitting;
    private int couplets;
    private int opposed;
    private int joins;
    private int glued;
    private int isolatedLevel;
    private int threeLevelTail;
    private int characters;
    private int unknown;

    /** Adds one poem's score. */
    public void add(PoemScore score) {
        poems++;
        regular += score.form() != null ? 1 : 0;
        rhyming += score.rhymes() ? 1 : 0;
        strict += score.strictTonal() ? 1 : 0;
        lines += score.lines();
        linesFitting += score.linesFitting();
        couplets += score.couplets();
        opposed += score.coupletsOpposed();
        joins += score.joins();
        glued += score.joinsGlued();
        isolatedLevel += score.isolatedLevel();
        threeLevelTail += score.threeLevelTail();
        characters += score.characters();
        unknown += score.unknownCharacters();
    }

    public int poems() {
        return poems;
    }

    /** Share of poems in a regulated form. */
    public double form() {
        return share(regular, poems);
    }

    /** Share of poems whose rhyme positions share a 平聲 group. */
    public double rhyme() {
        return share(rhyming, poems);
    }

    /** Share of poems that follow one whole-poem tonal pattern. */
    public double strictTonal() {
        return share(strict, poems);
    }

    /** Share of 5- and 7-character lines that fit a base pattern. */
    public double lineTonal() {
        return share(linesFitting, lines);
    }

    /** Share of couplets whose lines are opposed (對). */
    public double opposition() {
        return share(opposed, couplets);
    }

    /** Share of joins between couplets that are glued (粘). */
    public double adhesion() {
        return share(glued, joins);
    }

    /** Share of lines with 孤平. */
    public double isolatedLevel() {
        return share(isolatedLevel, lines);
    }

    /** Share of lines with 三平尾. */
    public double threeLevelTail() {
        return share(threeLevelTail, lines);
    }

    /** Share of characters the tone table lacks. */
    public double unknownCharacters() {
        return share(unknown, characters);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }
}
