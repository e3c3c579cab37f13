package org.textvae.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Bulk calls cut their input into windows and their codes into decoder batches anywhere, yet hand
 * on every line in order and every path whole. A stand-in encoder reads a sentence's first id as
 * its one-value mean; a stand-in decoder writes each code's value and hands on batches of 3.
 */
class BulkDecodingTest {

    private final List<Integer> windows = new ArrayList<>();

    private float[][] means(List<int[]> sentences) {
        windows.add(sentences.size());
        float[][] means = new float[sentences.size()][];
        for (int i = 0; i < means.length; i++) {
            means[i] = new float[] {sentences.get(i)[0]};
        }
        return means;
    }

    private static void decodeInThrees(float[][] codes, Consumer<List<String>> sink) {
        for (int from = 0; from < codes.length; from += 3) {
            List<String> batch = new ArrayList<>();
            for (int i = from; i < Math.min(codes.length, from + 3); i++) {
                batch.add(String.valueOf(codes[i][0]));
            }
            sink.accept(batch);
        }
    }

    private static List<int[]> sentences(int... firstIds) {
        List<int[]> sentences = new ArrayList<>();
        for (int id : firstIds) {
            sentences.add(new int[] {id, 99});
        }
        return sentences;
    }

    @Test
    void reconstructionKeepsTheOrderAcrossWindowsAndBatches() {
        BulkDecoding bulk = new BulkDecoding(this::means, BulkDecodingTest::decodeInThrees, 4);
        List<String> lines = new ArrayList<>();
        bulk.reconstruct(sentences(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), lines::addAll);
        assertEquals(
                List.of("1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0"),
                lines);
        assertEquals(List.of(4, 4, 2), windows, "no window holds more than 4 sentences");
    }

    @Test
    void eachPathIsHandedOnWholeWhereverTheBatchesCutIt() {
        // A window of 5 codes holds two paths of 2; each window's 4 codes come in batches of 3.
        BulkDecoding bulk = new BulkDecoding(this::means, BulkDecodingTest::decodeInThrees, 5);
        List<List<String>> paths = new ArrayList<>();
        bulk.interpolate(sentences(0, 2, 4, 8, 10, 20), 2, Interpolation.LINEAR, paths::add);
        assertEquals(
                List.of(List.of("0.0", "2.0"), List.of("4.0", "8.0"), List.of("10.0", "20.0")),
                paths);
        assertEquals(List.of(4, 2), windows, "two pairs' endpoints, then one pair's");
        paths.clear();
        bulk.interpolate(sentences(0, 4, 8, 16), 3, Interpolation.LINEAR, paths::add);
        assertEquals(List.of(List.of("0.0", "2.0", "4.0"), List.of("8.0", "12.0", "16.0")), paths);
    }

    @Test
    void aPathLongerThanAWindowStillComesWhole() {
        BulkDecoding bulk = new BulkDecoding(this::means, BulkDecodingTest::decodeInThrees, 2);
        List<List<String>> paths = new ArrayList<>();
        bulk.interpolate(sentences(0, 4, 4, 0), 5, Interpolation.LINEAR, paths::add);
        assertEquals(
                List.of(
                        List.of("0.0", "1.0", "2.0", "3.0", "4.0"),
                        List.of("4.0", "3.0", "2.0", "1.0", "0.0")),
                paths);
    }
}
