package org.textvae.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.textvae.SentenceVae;
import org.textvae.model.EngineDefaults;
import org.textvae.poetry.RegulatedPoemWriter;
import org.textvae.poetry.ToneTable;
import org.textvae.poetry.VerseForm;

/** Warm generation speed through the library API, as a service calling textvae would see it. */
final class GenerationMeasurements {

    private static final int BATCH = 128;

    /**
     * Lines per call of the batched measurement: the library splits them into batches of {@link
     * #BATCH} and decodes one batch per worker at a time, as {@code textvae generate} does.
     */
    private static final int LINES_PER_CALL = 16 * BATCH;

    private static final int LINE_TOKENS = 7;
    private static final int REPEATS = 50;
    private static final int POEMS = 1000;

    /**
     * Warm-up before timing: the JIT takes seconds to settle. With three batches of warm-up (as
     * before) three paired runs measured 3,630–4,334 lines/s; with three seconds, 4,112–4,648.
     */
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private GenerationMeasurements() {}

    static Map<String, Object> measure(SentenceVae vae, int lines) {
        int[] banned = {vae.vocabulary().unkId()};
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            vae.decodeAll(
                    vae.priorSamples(LINES_PER_CALL, -1 - i), LINE_TOKENS, LINE_TOKENS, banned);
        }
        long start = System.nanoTime();
        int done = 0;
        for (long seed = 0; done < lines; seed++) {
            float[][] codes = vae.priorSamples(LINES_PER_CALL, seed);
            done += vae.decodeAll(codes, LINE_TOKENS, LINE_TOKENS, banned).size();
        }
        double batchedSeconds = (System.nanoTime() - start) / 1e9;

        float[][] codes = vae.priorSamples(REPEATS, 99);
        double[] single = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t = System.nanoTime();
            vae.decode(codes[i]);
            single[i] = (System.nanoTime() - t) / 1e6;
        }
        List<String> ends = vae.decodeAll(vae.priorSamples(2, 5), LINE_TOKENS, LINE_TOKENS, banned);
        double[] paths = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t = System.nanoTime();
            vae.interpolate(ends.get(0), ends.get(1), 7);
            paths[i] = (System.nanoTime() - t) / 1e6;
        }
        RegulatedPoemWriter writer = new RegulatedPoemWriter(vae, ToneTable.bundled());
        double wujue = poemsPerSecond(writer, VerseForm.WUJUE);
        double qilu = poemsPerSecond(writer, VerseForm.QILU);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", vae.source());
        result.put("generate_lines_per_s", done / batchedSeconds);
        result.put("generate_workers", vae.decodingWorkers());
        result.put("engine_threads", EngineDefaults.engineThreads());
        result.put("single_line_ms_median", median(single));
        result.put("interpolate_7_ms_median", median(paths));
        result.put("wujue_poems_per_s", wujue);
        result.put("qilu_poems_per_s", qilu);
        return result;
    }

    /** Regulated poems per second, 1,000 a call, after a call of warm-up; median of 3 calls. */
    private static double poemsPerSecond(RegulatedPoemWriter writer, VerseForm form) {
        writer.write(form, POEMS, -1, null, null);
        double[] rates = new double[3];
        for (int i = 0; i < rates.length; i++) {
            long t = System.nanoTime();
            writer.write(form, POEMS, i, null, null);
            rates[i] = POEMS / ((System.nanoTime() - t) / 1e9);
        }
        return median(rates);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
