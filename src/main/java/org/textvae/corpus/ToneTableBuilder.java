package org.textvae.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.textvae.poetry.CharacterEntry;
import org.textvae.poetry.Poem;
import org.textvae.poetry.RhymeGroups;
import org.textvae.poetry.Tone;
import org.textvae.poetry.ToneTable;
import org.textvae.poetry.VerseForm;

/**
 * Builds the tone and rhyme table from the training split of the Tang poems. Tones: a character is
 * 平 when at most {@link #MINORITY} of its marks in the package's strains say 仄, 仄 when at most that
 * share say 平, and either tone otherwise. Rhymes: the poems of a regulated form whose even lines
 * all end in a character that may be 平 give their rhyme characters to {@link RhymeGroups}.
 * Simplified characters that the poems lack get the row of the traditional characters OpenCC maps
 * to them: one tone if those agree (else either), the union of their groups.
 */
public final class ToneTableBuilder {

    /** The largest share of a character's marks that may disagree with its tone class. */
    public static final double MINORITY = 0.10;

    /**
     * What the build produced.
     *
     * @param table the table
     * @param groups the derived rhyme groups
     * @param poems training poems read
     * @param markedPoems of those, poems whose marks were counted
     * @param rhymeSets poems whose rhymes were used
     * @param simplifiedRows rows added for simplified characters
     */
    public record Result(
            ToneTable table,
            RhymeGroups groups,
            int poems,
            int markedPoems,
            int rhymeSets,
            int simplifiedRows) {}

    private ToneTableBuilder() {}

    /** Builds the table from the chinese-poetry package and the opencc-js package. */
    public static Result build(Path poetryPackage, Path openccPackage) {
        List<Poem> poems = new ArrayList<>();
        for (Poem poem : TangPoemImporter.extract(poetryPackage).poems()) {
            if (PoemCorpusFile.splitOf(poem) == Split.TRAIN) {
                poems.add(poem);
            }
        }
        ToneMarks marks = ToneMarks.count(poetryPackage, poems);
        Map<Integer, Tone> tones = new TreeMap<>();
        marks.counts().forEach((c, n) -> tones.put(c, classify(n[0], n[1])));
        List<Set<Integer>> rhymeSets = rhymeSets(poems, tones);
        RhymeGroups groups = RhymeGroups.derive(rhymeSets);
        Map<Integer, CharacterEntry> rows = new TreeMap<>();
        marks.counts()
                .forEach(
                        (c, n) ->
                                rows.put(
                                        c,
                                        new CharacterEntry(
                                                c,
                                                tones.get(c),
                                                groups.byCharacter().getOrDefault(c, List.of()),
                                                n[0],
                                                n[1],
                                                "")));
        int counted = rows.size();
        addSimplified(rows, OpenccCharacters.traditionalToSimplified(openccPackage));
        List<String> comments =
                List.of(
                        "Tone class and 平聲 rhyme groups (平水韻 names) of characters of Tang verse.",
                        "Built by: textvae corpus tones. Sources: chinese-poetry 2.0.1 (MIT), its"
                                + " dist/strains marks on the training split of tang-poems.csv.gz;"
                                + " simplified rows via opencc-js 1.4.2 TSCharacters (OpenCC,"
                                + " Apache-2.0). See docs/poetry.md.");
        return new Result(
                new ToneTable(rows.values(), comments),
                groups,
                poems.size(),
                marks.aligned(),
                rhymeSets.size(),
                rows.size() - counted);
    }

    static Tone classify(int ping, int ze) {
        int total = ping + ze;
        if (ze <= MINORITY * total) {
            return Tone.PING;
        }
        return ping <= MINORITY * total ? Tone.ZE : Tone.EITHER;
    }

    private static List<Set<Integer>> rhymeSets(List<Poem> poems, Map<Integer, Tone> tones) {
        List<Set<Integer>> sets = new ArrayList<>();
        for (Poem poem : poems) {
            if (VerseForm.of(poem).isEmpty()) {
                continue;
            }
            Set<Integer> ends = new LinkedHashSet<>();
            boolean level = true;
            for (int i = 1; i < poem.lines().size(); i += 2) {
                String line = poem.lines().get(i);
                int last = line.codePointBefore(line.length());
                Tone tone = tones.get(last);
                level &= tone != null && tone.allows(Tone.PING);
                ends.add(last);
            }
            if (level) {
                sets.add(ends);
            }
        }
        return sets;
    }

    private static void addSimplified(
            Map<Integer, CharacterEntry> rows, Map<Integer, Integer> toSimplified) {
        Map<Integer, List<CharacterEntry>> sources = new TreeMap<>();
        toSimplified.forEach(
                (traditional, simplified) -> {
                    CharacterEntry row = rows.get(traditional);
                    if (row != null && !rows.containsKey(simplified)) {
                        sources.computeIfAbsent(simplified, s -> new ArrayList<>()).add(row);
                    }
                });
        sources.forEach((simplified, from) -> rows.put(simplified, merge(simplified, from)));
    }

    private static CharacterEntry merge(int simplified, List<CharacterEntry> from) {
        Tone tone = from.get(0).tone();
        Set<String> groups = new LinkedHashSet<>();
        StringBuilder names = new StringBuilder();
        int ping = 0;
        int ze = 0;
        for (CharacterEntry row : from) {
            tone = row.tone() == tone ? tone : Tone.EITHER;
            groups.addAll(row.groups());
            names.append(row.character());
            ping += row.pingMarks();
            ze += row.zeMarks();
        }
        return new CharacterEntry(
                simplified, tone, List.copyOf(groups), ping, ze, names.toString());
    }
}
