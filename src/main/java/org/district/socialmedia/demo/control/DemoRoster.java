package org.district.socialmedia.demo.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.students.control.OneRosterParser;
import org.district.socialmedia.students.control.RosterWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The demo roster of the default dev run (called by DemoData, only while no student exists): the
 * OneRoster export in src/main/resources/demo/oneroster, two schools, four classes, 40 students
 * (one without a guardian), imported like any SIS export.
 */
@Stateless
public class DemoRoster {

    static final String FOLDER = "/demo/oneroster/";
    private static final Logger LOG = Logger.getLogger(DemoRoster.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    RosterWriter writer;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void seed() {
        if (em.createQuery("SELECT COUNT(s) FROM Student s", Long.class).getSingleResult() > 0) {
            return;
        }
        LOG.info("Demo data: roster imported; " + writer.write(OneRosterParser.parse(files())).summary());
    }

    /** Read from the classpath: inside a packed WAR the folder is no file system path. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new HashMap<>();
        Stream.concat(Stream.of(OneRosterParser.MANIFEST), OneRosterParser.FILES.stream()).forEach(name -> {
            try (InputStream in = DemoRoster.class.getResourceAsStream(FOLDER + name)) {
                if (in != null) {
                    files.put(name, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return files;
    }
}
