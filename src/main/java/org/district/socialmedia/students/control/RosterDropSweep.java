package org.district.socialmedia.students.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.district.socialmedia.platform.control.Sweep;
import org.district.socialmedia.platform.control.SweepTimer;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.SweepStatus;
import org.district.socialmedia.students.entity.ImportRun;
import org.district.socialmedia.students.entity.RosterDrop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The roster drop folder's timer (SWEEP_INTERVAL, as the other timers; nothing to do unless ROSTER_DROP_DIR is
 * set): takes each settled zip, once across the servers sharing the folder, and starts its run as an upload
 * would, written at once unless it passes a safety limit; tells the system administrators, once, of a drop
 * that stopped; and puts back a zip whose server stopped between taking it and starting its run.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DemoData"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RosterDropSweep extends SweepTimer {

    static final String TIMER_NAME = "roster-drop-sweep";
    /** A file in processing/ without its row this long after its claim: its server stopped before writing the row. */
    static final Duration ORPHAN_AFTER = Duration.ofMinutes(10);

    @Inject
    RosterDrops drops;
    @Inject
    RunStarts starts;
    @Inject
    Clock clock;

    private volatile RosterDropFolder folder;

    public RosterDropSweep() {
        super("Roster drop folder sweep", TIMER_NAME, SweepStatus.ROSTER_DROP, 3000);
    }

    /** The folder as configured (read once: a change of ROSTER_DROP_DIR needs a restart, as every variable). */
    public RosterDropFolder folder() {
        if (folder == null) {
            folder = RosterDropFolder.fromEnvironment(System::getenv);
        }
        return folder;
    }

    @Override
    protected void pass(Sweep.Pass pass) {
        RosterDropFolder dropFolder = folder();
        if (!dropFolder.enabled()) {
            return;
        }
        // files carry the file system's times, not the application clock (which tests move)
        Instant fileNow = Clock.systemUTC().instant();
        for (String name : dropFolder.claimedBefore(fileNow.minus(ORPHAN_AFTER))) {
            pass.attempt("roster drop orphan " + name, () -> {
                if (drops.known(name)) {
                    return 0;
                }
                return dropFolder.putBack(name, RosterDropFolder.originalName(name)) ? 1 : 0;
            });
        }
        for (RosterDrop drop : drops.interrupted()) {
            pass.attempt("roster drop interrupted " + drop.getClaimedName(), () -> {
                drops.refused(drop.getClaimedName(), "its server stopped before the import run started; the file was put back to be taken again");
                dropFolder.putBack(drop.getClaimedName(), drop.getOriginalName());
                return 1;
            });
        }
        for (Path file : dropFolder.ready(fileNow)) {
            pass.attempt("roster drop " + file.getFileName(), () -> take(dropFolder, file));
        }
        for (String name : drops.untold()) {
            pass.attempt("roster drop notice " + name, () -> drops.tell(name) ? 1 : 0);
        }
    }

    private int take(RosterDropFolder dropFolder, Path file) {
        Optional<Path> claimed = dropFolder.claim(file, clock.instant());
        if (claimed.isEmpty()) {
            return 0;
        }
        String name = claimed.get().getFileName().toString();
        drops.claimed(name, clock.instant());
        try (InputStream zip = Files.newInputStream(claimed.get())) {
            ImportRun run = starts.start(zip, RosterDropFolder.originalName(name), RosterDrops.ACTOR, true);
            drops.started(name, run.getId());
            dropFolder.file(claimed.get(), RosterDropFolder.IMPORTED);
        } catch (InvalidInputException refused) {
            drops.refused(name, refused.getMessage());
            dropFolder.file(claimed.get(), RosterDropFolder.REFUSED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 1;
    }
}
