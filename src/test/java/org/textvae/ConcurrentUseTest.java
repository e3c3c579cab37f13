package org.textvae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textvae.generate.TinyModel;

/**
 * One {@link SentenceVae} shared by 8 threads making 200 mixed calls each: every result must equal
 * the one the same call gives on a single thread.
 */
class ConcurrentUseTest {

    private static final int THREADS = 8;
    private static final int CALLS = 200;

    @Test
    void eightThreadsOfMixedCallsGetTheSingleThreadedAnswers(@TempDir Path directory)
            throws Exception {
        try (SentenceVae vae = SentenceVae.load(TinyModel.write(directory, 8, 2))) {
            List<String> lines = TinyModel.LINES;
            List<Object> expected = new ArrayList<>();
            for (int call = 0; call < 3 * lines.size(); call++) {
                expected.add(run(vae, call, lines));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> checks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                checks.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < CALLS; i++) {
                                        int call = (offset * 31 + i) % expected.size();
                                        assertEquals(
                                                expected.get(call),
                                                run(vae, call, lines),
                                                "call " + call);
                                    }
                                    return CALLS;
                                }));
            }
            int done = 0;
            for (Future<Integer> check : checks) {
                done += check.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertEquals(THREADS * CALLS, done);
        }
    }

    /** Call number n: a sample, an interpolation or a reconstruction, by n mod 3. */
    private static Object run(SentenceVae vae, int n, List<String> lines) {
        String line = lines.get(n / 3);
        return switch (n % 3) {
            case 0 -> vae.sample(5, n);
            case 1 -> vae.interpolate(line, lines.get((n / 3 + 1) % lines.size()), 7);
            default -> vae.reconstruct(line);
        };
    }
}
