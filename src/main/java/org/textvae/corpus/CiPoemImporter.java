package org.textvae.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.textvae.poetry.Poem;

/**
 * Builds the Song ci corpus of whole ci, {@code songci-poems.csv.gz}: the ci {@link SongCi} keeps,
 * tune by tune (tunes in name order, ci in package order), each distinct text once, its title the
 * tune's name and its id {@code songci-N} in that order; each in the split {@link
 * PoemCorpusFile#splitOf} gives it, the split the ci rhyme groups are found from.
 */
public final class CiPoemImporter {

    /** The file name under the output folder. */
    public static final String FILE_NAME = "songci-poems.csv.gz";

    /** The name {@code --only} takes. */
    public static final String LABEL = "songcipoems";

    /**
     * What one import produced.
     *
     * @param file the file written
     * @param splits ci per split
     * @param poems ci written
     * @param duplicates ci dropped because their text came before
     * @param sha256 hex SHA-256 of the file
     */
    public record Summary(
            Path file, Map<Split, Integer> splits, int poems, int duplicates, String sha256) {}

    private CiPoemImporter() {}

    /** Reads the package, writes {@code outDir/songci-poems.csv.gz} and summarizes it. */
    public static Summary importTo(Path packagePath, Path outDir) {
        List<Poem> poems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (Map.Entry<String, List<SongCi.Ci>> tune :
                SongCi.read(packagePath).byTune().entrySet()) {
            for (SongCi.Ci ci : tune.getValue()) {
                if (!seen.add(ci.text())) {
                    duplicates++;
                    continue;
                }
                poems.add(
                        new Poem(
                                "songci-" + (poems.size() + 1),
                                tune.getKey(),
                                ci.author(),
                                ci.lines()));
            }
        }
        Path out = outDir.resolve(FILE_NAME);
        PoemCorpusFile.write(out, poems);
        Map<Split, Integer> splits = new TreeMap<>();
        poems.forEach(poem -> splits.merge(PoemCorpusFile.splitOf(poem), 1, Integer::sum));
        return new Summary(out, splits, poems.size(), duplicates, FileDigest.sha256Hex(out));
    }
}
