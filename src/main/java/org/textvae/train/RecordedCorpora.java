package org.textvae.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.textvae.TextvaeException;

/**
 * Where a resumed run finds the corpus files its config.json names. They are recorded as they were
 * typed when the run started, and no option of {@code --resume} can change them, so a relative path
 * is tried from here and then from the folder the run was started in; a file found in neither is
 * reported as missing, naming the config.
 */
final class RecordedCorpora {

    private RecordedCorpora() {}

    /** {@code job} with its corpus paths as this process can read them, both checked. */
    static TrainingJob locate(TrainingJob job, Path runDirectory) {
        Path startedIn = startedIn(job.runDirectory(), runDirectory);
        TrainingJob located =
                new TrainingJob(
                        job.model(),
                        job.training(),
                        locate(job.corpus(), startedIn),
                        job.vocabulary(),
                        job.validCorpus() == null ? null : locate(job.validCorpus(), startedIn),
                        runDirectory,
                        job.commandLine());
        requireRecordedFile(located.corpus(), runDirectory);
        if (located.validCorpus() != null) {
            requireRecordedFile(located.validCorpus(), runDirectory);
        }
        return located;
    }

    /**
     * The folder a run was started in, when the run folder's path as typed then ({@code recorded})
     * is the tail of where it is now: relative corpus paths in its config.json are relative to it.
     * Null when that cannot be told.
     */
    static Path startedIn(Path recorded, Path runDirectory) {
        Path now = runDirectory.toAbsolutePath().normalize();
        Path then = recorded.normalize();
        if (then.isAbsolute() || then.toString().isEmpty() || !now.endsWith(then)) {
            return null;
        }
        int keep = now.getNameCount() - then.getNameCount();
        return keep == 0 ? now.getRoot() : now.getRoot().resolve(now.subpath(0, keep));
    }

    /**
     * A recorded corpus path as the run can read it: as typed when that works from here, else
     * relative to the folder the run was started in, so that --resume works from anywhere.
     */
    private static Path locate(Path recorded, Path startedIn) {
        if (recorded.isAbsolute() || startedIn == null || Files.exists(recorded)) {
            return recorded;
        }
        Path there = startedIn.resolve(recorded);
        return Files.exists(there) ? there : recorded;
    }

    /**
     * A resumed run reads the corpus files its config.json names, as they were typed when it
     * started, and no option of {@code --resume} can change them: a missing one is reported as
     * such.
     */
    private static void requireRecordedFile(Path file, Path runDirectory) {
        if (Files.isRegularFile(file) && Files.isReadable(file)) {
            return;
        }
        throw new TextvaeException(
                TextvaeException.Kind.IO,
                file
                        + ": no such readable file, named in "
                        + runDirectory.resolve("config.json")
                        + (file.isAbsolute()
                                ? "; put it back to resume the run"
                                : " relative to the folder the run was started in; resume from"
                                        + " there, or put the file back"));
    }
}
