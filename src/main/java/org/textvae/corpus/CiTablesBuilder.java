package org.textvae.corpus;

import java.nio.file.Path;
import org.textvae.poetry.ToneTable;

/**
 * Builds both ci tables, the tunes and the rhyme groups found with them, from one reading of the
 * chinese-poetry package.
 */
public final class CiTablesBuilder {

    /** Both builds' results. */
    public record Result(TuneTableBuilder.Result tunes, CiRhymeBuilder.Result rhymes) {}

    private CiTablesBuilder() {}

    /** Reads the package's Song ci once and builds the tune table, then the rhyme groups. */
    public static Result build(Path poetryPackage, ToneTable tones) {
        SongCi read = SongCi.read(poetryPackage);
        TuneTableBuilder.Result tunes = TuneTableBuilder.build(read, tones);
        return new Result(tunes, CiRhymeBuilder.build(read, tunes.table(), tones));
    }
}
