package org.textvae.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the bundled poetry corpora ({@code tang.csv.gz}, {@code songci.csv.gz}) and the held-out
 * Song shi test set ({@code songshi.csv.gz}) from the {@code chinese-poetry} npm package, byte for
 * byte reproducibly. See {@link PoetryCollection} for the line rules, {@link DeterministicSplit}
 * for the split rule and {@link HeldOut} for how the test set is drawn.
 */
public final class ChinesePoetryImporter {

    private ChinesePoetryImporter() {}

    /**
     * Imports the given collections. A held-out set needs the lines of the collection it is held
     * out from; those are cut from the package too, whether or not that collection is written.
     *
     * @param packagePath the npm package: its {@code .tgz} or unpacked folder
     * @param outDir the folder to write {@code <name>.csv.gz} files into
     * @param collections which collections to build, in the order given
     * @return one summary per collection
     */
    public static List<ImportSummary> importTo(
            Path packagePath, Path outDir, List<PoetryCollection> collections) {
        Set<PoetryCollection> needed = new LinkedHashSet<>(collections);
        collections.forEach(c -> c.heldOut().ifPresent(h -> needed.add(h.unseenBy())));
        Map<PoetryCollection, List<PoetryPackage.SourceFile>> files =
                PoetryPackage.load(packagePath, List.copyOf(needed));
        Map<PoetryCollection, PoemLineExtractor> extracted = new EnumMap<>(PoetryCollection.class);
        Function<PoetryCollection, PoemLineExtractor> lines =
                collection -> extracted.computeIfAbsent(collection, c -> extract(c, files));
        List<ImportSummary> summaries = new ArrayList<>();
        for (PoetryCollection collection : collections) {
            PoemLineExtractor extractor = lines.apply(collection);
            int heldElsewhere =
                    collection
                            .heldOut()
                            .map(h -> extractor.drop(lines.apply(h.unseenBy()).lines()))
                            .orElse(0);
            Path out = outDir.resolve(collection.fileName());
            CorpusCsvWriter.write(out, extractor.lines(), collection::splitOf);
            summaries.add(summarize(collection, out, extractor, heldElsewhere));
        }
        return summaries;
    }

    /** Cuts a collection's files into lines, letting go of the files once read. */
    private static PoemLineExtractor extract(
            PoetryCollection collection,
            Map<PoetryCollection, List<PoetryPackage.SourceFile>> files) {
        PoemLineExtractor extractor = new PoemLineExtractor(collection);
        files.remove(collection).forEach(extractor::add);
        return extractor;
    }

    private static ImportSummary summarize(
            PoetryCollection collection, Path out, PoemLineExtractor extractor, int heldElsewhere) {
        int[] counts = new int[Split.values().length];
        SortedMap<Integer, Integer> lengths = new TreeMap<>();
        for (String line : extractor.lines()) {
            counts[collection.splitOf(line).ordinal()]++;
            lengths.merge(line.codePointCount(0, line.length()), 1, Integer::sum);
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
                lengths,
                characters.size(),
                extractor.duplicates(),
                extractor.rejected(),
                heldElsewhere,
                FileDigest.sha256Hex(out));
    }
}
