package org.textvae.ci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.textvae.io.CommentedTable;
import org.textvae.poetry.Tone;

/**
 * The tunes of the Song ci corpus and their forms, most used first: built by {@code textvae corpus
 * tunes}, packed into the jar as a tab-separated file.
 */
public final class TuneTable {

    /** Where the bundled table lies on the class path. */
    public static final String RESOURCE = "/org/textvae/ci/tunes.tsv";

    static final String HEADER = "tune\ttraditional\tpoems\tform_poems\tforms\tform\trhyme_tone";

    private static final CommentedTable<Tune> FILE =
            new CommentedTable<>(HEADER, "a tune table", TuneTable::row);

    /** Most used first, then by name: the order of the file and of every listing. */
    static final Comparator<Tune> ORDER =
            Comparator.comparingInt(Tune::poems).reversed().thenComparing(Tune::name);

    private final List<Tune> tunes;
    private final List<String> comments;

    /** Makes a table of the given tunes, with comment lines (without their {@code #}) on top. */
    public TuneTable(List<Tune> tunes, List<String> comments) {
        List<Tune> sorted = new ArrayList<>(tunes);
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("tune twice: " + sorted.get(i).name());
            }
        }
        this.tunes = List.copyOf(sorted);
        this.comments = List.copyOf(comments);
    }

    /** Returns the table packed into the jar. */
    public static TuneTable bundled() {
        return of(FILE.bundled(TuneTable.class, RESOURCE), RESOURCE);
    }

    /** Reads a table file. */
    public static TuneTable read(Path path) {
        return of(FILE.read(path), path.toString());
    }

    private static TuneTable of(CommentedTable.Content<Tune> content, String source) {
        try {
            return new TuneTable(content.rows(), content.comments());
        } catch (IllegalArgumentException e) {
            throw FILE.refused(source, e.getMessage());
        }
    }

    private static Tune row(String[] f) {
        FormText.Parsed form = FormText.parse(f[5]);
        return new Tune(
                f[0],
                f[1],
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                form.lines(),
                form.firstStanza(),
                Tone.ofMark(f[6]));
    }

    /** The tunes, most used first. */
    public List<Tune> tunes() {
        return tunes;
    }

    /** The comment lines on top of the file, without their {@code #}. */
    public List<String> comments() {
        return comments;
    }

    /**
     * The tune of a name in either script, whole or one of the names joined by ・: of the tunes with
     * that name, one whose form is known before one whose form is not, then the most used.
     */
    public Optional<Tune> find(String name) {
        String wanted = name.strip();
        List<Tune> named = tunes.stream().filter(tune -> tune.names().contains(wanted)).toList();
        return named.stream()
                .filter(Tune::formKnown)
                .findFirst()
                .or(() -> named.stream().findFirst());
    }

    /** Up to {@code count} tunes whose names are closest to {@code name} by edit distance. */
    public List<Tune> closest(String name, int count) {
        String wanted = name.strip();
        record Scored(Tune tune, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (Tune tune : tunes) {
            int best = Integer.MAX_VALUE;
            for (String other : tune.names()) {
                best = Math.min(best, EditDistance.between(wanted, other));
            }
            scored.add(new Scored(tune, best));
        }
        // The sort is stable, so equally close tunes stay most used first.
        scored.sort(Comparator.comparingInt(Scored::distance));
        return scored.stream().limit(count).map(Scored::tune).toList();
    }

    /** The table as its file holds it: the same bytes for the same tunes and comments. */
    public String format() {
        List<String> rows = new ArrayList<>(tunes.size());
        for (Tune tune : tunes) {
            rows.add(
                    String.join(
                            "\t",
                            tune.name(),
                            tune.traditional(),
                            Integer.toString(tune.poems()),
                            Integer.toString(tune.formPoems()),
                            Integer.toString(tune.variants()),
                            tune.form(),
                            tune.rhymeTone().mark()));
        }
        return FILE.format(comments, rows);
    }

    /** Writes the table atomically. */
    public void write(Path out) {
        CommentedTable.write(out, format());
    }
}
