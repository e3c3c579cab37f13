package org.textvae.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the bundled poetry corpora ({@code tang.csv.gz}, {@code songci.csv.gz}) from the {@code
 * chinese-poetry} npm package, byte for byte reproducibly. See {@link PoetryCollection} for the
 * line rules and {@link DeterministicSplit} for the split rule.
 */
public final class ChinesePoetryImporter {

    private ChinesePoetryImporter() {}

    /**
     * Imports the given collections.
     *
     * @param packagePath the npm package: its {@code .tgz} or unpacked folder
     * @param outDir the folder to write {@code <name>.csv.gz} files into
     * @param collections which collections to build, in the order given
     * @return one summary per collection
     */
    public static List<ImportSummary> importTo(
            Path packagePath, Path outDir, List<PoetryCollection> collections) {
        Map<PoetryCollection, List<PoetryPackage.SourceFile>> files =
                PoetryPackage.load(packagePath, collections);
        List<ImportSummary> summaries = new ArrayList<>();
        for (PoetryCollection collection : collections) {
            PoemLineExtractor extractor = new PoemLineExtractor(collection);
            files.get(collection).forEach(extractor::add);
            Path out = outDir.resolve(collection.fileName());
            CorpusCsvWriter.write(out, extractor.lines());
            summaries.add(summarize(collection, out, extractor));
        }
        return summaries;
    }

    private static ImportSummary summarize(
            PoetryCollection collection, Path out, PoemLineExtractor extractor) {
        int[] counts = new int[Split.values().length];
        for (String line : extractor.lines()) {
            counts[DeterministicSplit.of(line).ordinal()]++;
        }
        Set<Integer> characters =
                extractor.lines().stream()
                        .flatMapToInt(String::codePoints)
                        .boxed()
                        .collect(Collectors.toSet());
        return new ImportSummary(
                collection,
                out,
                counts[Split.TRAIN.ordinal()],
                counts[Split.VALID.ordinal()],
                counts[Split.TEST.ordinal()],
                characters.size(),
                extractor.duplicates(),
                extractor.rejected(),
                FileDigest.sha256Hex(out));
    }
}
