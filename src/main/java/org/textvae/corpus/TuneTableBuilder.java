package org.textvae.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.textvae.ci.Tune;
import org.textvae.ci.TuneLine;
import org.textvae.ci.TuneTable;
import org.textvae.poetry.CharacterEntry;
import org.textvae.poetry.Tone;
import org.textvae.poetry.ToneTable;

/**
 * Builds the table of ci tunes from the Song ci of the chinese-poetry package. A ci's paragraphs
 * are cut into lines at {@code ，。？！；、} as the songci corpus cuts them; a tune's form is the
 * sequence of line lengths most of its ci share, with each line rhyming where most of those ci
 * close it with {@code 。？！}: the corpus's editors mark a rhyme (韻) with a full stop and a pause (句,
 * 逗) with a comma. The stanza break is found from the form ({@link StanzaBreak}).
 */
public final class TuneTableBuilder {

    /**
     * What the build produced.
     *
     * @param table the table
     * @param poems ci read
     * @param used ci counted toward a tune (a named tune, every line Han characters)
     * @param markAgreement of the lines of ci in their tune's known form, the share whose closing
     *     mark (rhyme or pause) is the form's there
     */
    public record Result(TuneTable table, int poems, int used, double markAgreement) {}

    private TuneTableBuilder() {}

    /**
     * Builds the table from the chinese-poetry package; {@code tones} gives tune names their
     * traditional forms (through its rows for simplified characters).
     */
    public static Result build(Path poetryPackage, ToneTable tones) {
        return build(SongCi.read(poetryPackage), tones);
    }

    static Result build(SongCi read, ToneTable tones) {
        Map<Integer, Integer> traditional = traditionalForms(tones);
        List<Tune> tunes = new ArrayList<>();
        read.byTune()
                .forEach(
                        (name, cis) ->
                                tunes.add(tune(name, traditional(name, traditional), cis, tones)));
        List<String> comments =
                List.of(
                        "Tunes (詞牌) of the Song ci and the form most of each tune's ci share:"
                                + " line lengths, 。 a rhyme, ， none, / the stanza break.",
                        "Built by: textvae corpus tunes. Source: chinese-poetry 2.0.1 (MIT),"
                                + " dist/songci/ci.song.*.json. See docs/ci.md.");
        return new Result(
                new TuneTable(tunes, comments),
                read.poems(),
                read.used(),
                markAgreement(tunes, read.byTune()));
    }

    private static double markAgreement(List<Tune> tunes, Map<String, List<SongCi.Ci>> byTune) {
        long agreeing = 0;
        long lines = 0;
        for (Tune tune : tunes) {
            if (!tune.formKnown()) {
                continue;
            }
            List<Integer> form = tune.lines().stream().map(TuneLine::length).toList();
            for (SongCi.Ci ci : byTune.get(tune.name())) {
                if (!ci.lengths().equals(form)) {
                    continue;
                }
                for (int i = 0; i < form.size(); i++) {
                    agreeing += ci.rhymes()[i] == tune.lines().get(i).rhymes() ? 1 : 0;
                    lines++;
                }
            }
        }
        return lines == 0 ? Double.NaN : (double) agreeing / lines;
    }

    private static Tune tune(
            String name, String traditional, List<SongCi.Ci> cis, ToneTable tones) {
        Map<List<Integer>, List<SongCi.Ci>> forms = new HashMap<>();
        cis.forEach(ci -> forms.computeIfAbsent(ci.lengths(), f -> new ArrayList<>()).add(ci));
        List<Integer> form = null;
        for (Map.Entry<List<Integer>, List<SongCi.Ci>> entry : forms.entrySet()) {
            if (form == null || isBefore(entry, form, forms)) {
                form = entry.getKey();
            }
        }
        List<SongCi.Ci> holding = forms.get(form);
        List<TuneLine> lines = new ArrayList<>(form.size());
        for (int i = 0; i < form.size(); i++) {
            int marked = 0;
            for (SongCi.Ci ci : holding) {
                marked += ci.rhymes()[i] ? 1 : 0;
            }
            lines.add(new TuneLine(form.get(i), 2 * marked > holding.size()));
        }
        return new Tune(
                name,
                traditional,
                cis.size(),
                holding.size(),
                forms.size(),
                lines,
                StanzaBreak.of(lines),
                rhymeTone(holding, lines, tones));
    }

    /**
     * 平 or 仄 when at least {@link Tune#ONE_TONE} of the rhymes of the ci holding the form whose
     * tone the table knows for certain are in it; else either.
     */
    private static Tone rhymeTone(List<SongCi.Ci> holding, List<TuneLine> lines, ToneTable tones) {
        int level = 0;
        int oblique = 0;
        for (SongCi.Ci ci : holding) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).rhymes()) {
                    String line = ci.lines().get(i);
                    Tone tone = tones.toneOf(line.codePointBefore(line.length()));
                    level += tone == Tone.PING ? 1 : 0;
                    oblique += tone == Tone.ZE ? 1 : 0;
                }
            }
        }
        int known = level + oblique;
        if (known > 0 && level >= Tune.ONE_TONE * known) {
            return Tone.PING;
        }
        return known > 0 && oblique >= Tune.ONE_TONE * known ? Tone.ZE : Tone.EITHER;
    }

    /** More ci first; among equally common forms, the one first in the order of lengths. */
    private static boolean isBefore(
            Map.Entry<List<Integer>, List<SongCi.Ci>> entry,
            List<Integer> best,
            Map<List<Integer>, List<SongCi.Ci>> forms) {
        int difference = entry.getValue().size() - forms.get(best).size();
        return difference > 0 || (difference == 0 && compare(entry.getKey(), best) < 0);
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Each simplified character of the tone table's added rows, to the first it stands for. */
    private static Map<Integer, Integer> traditionalForms(ToneTable tones) {
        Map<Integer, Integer> forms = new HashMap<>();
        for (CharacterEntry entry : tones.entries()) {
            if (!entry.from().isEmpty()) {
                forms.put(entry.codePoint(), entry.from().codePointAt(0));
            }
        }
        return forms;
    }

    private static String traditional(String name, Map<Integer, Integer> forms) {
        StringBuilder text = new StringBuilder();
        name.codePoints().forEach(cp -> text.appendCodePoint(forms.getOrDefault(cp, cp)));
        return text.toString();
    }
}
