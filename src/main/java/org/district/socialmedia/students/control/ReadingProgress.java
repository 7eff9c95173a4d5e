package org.district.socialmedia.students.control;

import org.district.socialmedia.students.entity.ImportRunStateException;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The parser's progress passed on to where it is shown (the run's row), but not at every call: when the file
 * being read changes (a file starts, the reading ends), and otherwise at most once per {@link #EVERY}, so that
 * a fast reading does not wait on a statement per ten thousand rows. A figure that cannot be written is logged
 * and skipped: the reading matters more than its figure. A run no longer at work ends the reading
 * ({@link ImportRunStateException}).
 */
public final class ReadingProgress implements OneRosterParser.Progress {

    static final Duration EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(ReadingProgress.class.getName());

    private final OneRosterParser.Progress shown;
    private final LongSupplier nanoTime;
    private boolean told;
    private String lastFile;
    private long lastAt;

    public ReadingProgress(OneRosterParser.Progress shown) {
        this(shown, System::nanoTime);
    }

    ReadingProgress(OneRosterParser.Progress shown, LongSupplier nanoTime) {
        this.shown = Objects.requireNonNull(shown, "shown");
        this.nanoTime = nanoTime;
    }

    @Override
    public void reading(String file, int filesRead, int filesTotal, int rows) {
        long now = nanoTime.getAsLong();
        if (told && Objects.equals(file, lastFile) && now - lastAt < EVERY.toNanos()) {
            return;
        }
        told = true;
        lastFile = file;
        lastAt = now;
        try {
            shown.reading(file, filesRead, filesTotal, rows);
        } catch (ImportRunStateException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot show the roster reading's progress (" + file + ", " + rows + " rows); reading on", e);
        }
    }
}
