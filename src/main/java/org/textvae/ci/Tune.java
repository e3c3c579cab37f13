package org.textvae.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.textvae.poetry.Tone;

/**
 * A tune (詞牌) and its form as the corpus writes it: the form most of its ci share, line by line.
 *
 * @param name the name as the corpus spells it (simplified script; aliases joined by ・)
 * @param traditional the name in traditional script
 * @param poems ci written to it
 * @param formPoems of those, ci of exactly {@code lines}' lengths
 * @param variants distinct forms among its ci
 * @param lines the most common form
 * @param firstStanza lines of the first stanza (上片); 0 when the form is one stanza
 * @param rhymeTone the tone its rhymes are in: 平 or 仄 when at least {@link #ONE_TONE} of the rhymes
 *     of its ci in the form are, else either (a tune that changes between them)
 */
public record Tune(
        String name,
        String traditional,
        int poems,
        int formPoems,
        int variants,
        List<TuneLine> lines,
        int firstStanza,
        Tone rhymeTone) {

    /** Share of a tune's rhymes in one tone that makes that tone the tune's. */
    public static final double ONE_TONE = 0.8;

    /** Fewest ci of one form that make it the tune's form. */
    public static final int MIN_FORM_POEMS = 5;

    /** Smallest share of the tune's ci that its form must hold. */
    public static final double MIN_FORM_SHARE = 0.3;

    /** Checks the counts and copies the lines. */
    public Tune {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(traditional, "traditional");
        Objects.requireNonNull(rhymeTone, "rhymeTone");
        lines = List.copyOf(lines);
        if (name.isBlank() || lines.isEmpty()) {
            throw new IllegalArgumentException("a tune needs a name and at least one line");
        }
        // Every other form is held by at least one ci.
        if (formPoems < 1
                || formPoems > poems
                || variants < 1
                || variants > poems - formPoems + 1) {
            throw new IllegalArgumentException(
                    name
                            + ": counts out of order ("
                            + poems
                            + ", "
                            + formPoems
                            + ", "
                            + variants
                            + ")");
        }
        if (firstStanza < 0 || firstStanza >= lines.size()) {
            throw new IllegalArgumentException(
                    name + ": no line " + firstStanza + " to break after");
        }
    }

    /**
     * Whether the corpus holds enough ci of one form to know it: at least {@link #MIN_FORM_POEMS}
     * ci, and {@link #MIN_FORM_SHARE} of the tune's.
     */
    public boolean formKnown() {
        return formPoems >= MIN_FORM_POEMS && formPoems >= MIN_FORM_SHARE * poems;
    }

    /** Why the form is not known, for a refusal; empty when it is. */
    public String whyUnknown() {
        if (formKnown()) {
            return "";
        }
        return String.format(
                "%s: its most common form holds %d of its %d ci (%d %s); a form needs at least"
                        + " %d ci and %.0f%% of the tune's",
                name,
                formPoems,
                poems,
                variants,
                variants == 1 ? "form" : "forms",
                MIN_FORM_POEMS,
                100 * MIN_FORM_SHARE);
    }

    /** The other names of the tune: the parts of {@code name} and {@code traditional} between ・. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (String whole : List.of(name, traditional)) {
            names.add(whole);
            for (String part : whole.split(FormText.ALIAS)) {
                if (!part.isEmpty() && !names.contains(part)) {
                    names.add(part);
                }
            }
        }
        return names;
    }

    /** Characters in all. */
    public int characters() {
        return lines.stream().mapToInt(TuneLine::length).sum();
    }

    /** The form as the table writes it: 7。7。7。/7，7。7。 (。 a rhyme, ， none, / the break). */
    public String form() {
        return FormText.format(lines, firstStanza);
    }
}
