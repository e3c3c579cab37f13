package org.textvae.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.textvae.poetry.Poem;
import org.textvae.poetry.VerseForm;

/**
 * Builds the Tang poem corpus {@code tang-poems.csv.gz}: whole poems of the Complete Tang Poems
 * (the files of {@link PoetryCollection#TANG}) that pass {@link PoemExtractor}'s rule, in package
 * order, each in the split {@link PoemCorpusFile#splitOf} gives it.
 */
public final class TangPoemImporter {

    /** The file name under the output folder. */
    public static final String FILE_NAME = "tang-poems.csv.gz";

    /** The name {@code --only} takes. */
    public static final String LABEL = "tangpoems";

    /**
     * What one import produced.
     *
     * @param file the file written
     * @param splits poems per split
     * @param forms poems per regulated form (the rest are not counted here)
     * @param poems poems written
     * @param duplicates poems dropped because their text came before
     * @param rejected poems dropped by the line rule
     * @param sha256 hex SHA-256 of the file
     */
    public record Summary(
            Path file,
            Map<Split, Integer> splits,
            SortedMap<VerseForm, Integer> forms,
            int poems,
            int duplicates,
            int rejected,
            String sha256) {}

    private TangPoemImporter() {}

    /** Reads the package, writes {@code outDir/tang-poems.csv.gz} and summarizes it. */
    public static Summary importTo(Path packagePath, Path outDir) {
        PoemExtractor extractor = extract(packagePath);
        List<Poem> poems = extractor.poems();
        Path out = outDir.resolve(FILE_NAME);
        PoemCorpusFile.write(out, poems);
        Map<Split, Integer> splits = new TreeMap<>();
        SortedMap<VerseForm, Integer> forms = new TreeMap<>();
        for (Poem poem : poems) {
            splits.merge(PoemCorpusFile.splitOf(poem), 1, Integer::sum);
            VerseForm.of(poem).ifPresent(f -> forms.merge(f, 1, Integer::sum));
        }
        return new Summary(
                out,
                splits,
                forms,
                poems.size(),
                extractor.duplicates(),
                extractor.rejected(),
                FileDigest.sha256Hex(out));
    }

    /** Cuts the Tang poems out of the package. */
    static PoemExtractor extract(Path packagePath) {
        PoemExtractor extractor = new PoemExtractor();
        PoetryPackage.load(packagePath, List.of(PoetryCollection.TANG))
                .get(PoetryCollection.TANG)
                .forEach(extractor::add);
        return extractor;
    }
}
