package org.district.socialmedia.students.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The zip kept with a run in the database ({@code import_run_file}, rows of {@value ImportRuns#FILE_CHUNK_BYTES}
 * bytes), for the import job on any server. Written and removed {@value #ROWS_PER_TRANSACTION} rows a
 * transaction: a District's zip (460 MB) in one transaction ran H2 out of memory.
 * <p>
 * On H2 the zip is kept in the server's upload folder instead ({@code kept-ID.zip}): the embedded database serves
 * one server only, so no other server needs it, and removing a District's zip from H2's store, even in parts, ran
 * it out of memory and closed the database.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunFiles {

    static final int ROWS_PER_TRANSACTION = 16;

    @PersistenceContext
    EntityManager em;
    /** This bean's proxy: each part in a transaction of its own. */
    @Inject
    RunFiles self;
    @Inject
    RosterUploads uploads;
    @Resource(lookup = "java:jboss/datasources/SocialMediaDS")
    DataSource dataSource;
    /** Whether the database is the embedded H2 (null: not asked yet). */
    Boolean embedded;

    /**
     * Keeps the zip with its run, read from disk a row at a time, so its size does not matter to the heap. Rows
     * left by a keeping cut short (a crash) are replaced.
     */
    public void keep(Long id, Path zip) {
        drop(id);
        if (embedded()) {
            Path part = uploads.root().resolve(KEPT + id + ".zip.part");
            try {
                Files.copy(zip, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, kept(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the uploaded zip " + zip + " in " + uploads.root(), e);
            }
            return;
        }
        try (InputStream in = Files.newInputStream(zip)) {
            int seq = 0;
            byte[][] part;
            while ((part = read(in)).length > 0) {
                self.keepPart(id, seq, part);
                seq += part.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded zip " + zip, e);
        }
    }

    private static byte[][] read(InputStream in) throws IOException {
        byte[][] rows = new byte[ROWS_PER_TRANSACTION][];
        int n = 0;
        byte[] row;
        while (n < rows.length && (row = in.readNBytes(ImportRuns.FILE_CHUNK_BYTES)).length > 0) {
            rows[n++] = row;
        }
        byte[][] read = new byte[n][];
        System.arraycopy(rows, 0, read, 0, n);
        return read;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void keepPart(Long id, int firstSeq, byte[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            em.createNativeQuery("INSERT INTO import_run_file (run_id, seq, content) VALUES (?, ?, ?)")
                    .setParameter(1, id).setParameter(2, firstSeq + i).setParameter(3, rows[i]).executeUpdate();
        }
    }

    /**
     * Writes the zip kept with the run, a row at a time, without a transaction (a long read holds none open).
     *
     * @return false when none is kept: the run is finished (its file is removed then)
     */
    public boolean copy(Long id, OutputStream out) throws IOException {
        if (embedded()) {
            if (!Files.isRegularFile(kept(id))) {
                return false;
            }
            Files.copy(kept(id), out);
            return true;
        }
        Number rows = (Number) em.createNativeQuery("SELECT COUNT(*) FROM import_run_file WHERE run_id = ?")
                .setParameter(1, id).getSingleResult();
        for (int seq = 0; seq < rows.intValue(); seq++) {
            out.write((byte[]) em.createNativeQuery("SELECT content FROM import_run_file WHERE run_id = ? AND seq = ?")
                    .setParameter(1, id).setParameter(2, seq).getSingleResult());
        }
        return rows.intValue() > 0;
    }

    /** Removes the run's kept zip, if any, a part at a time. */
    public void drop(Long id) {
        if (embedded()) {
            try {
                Files.deleteIfExists(kept(id));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the kept zip " + kept(id), e);
            }
        }
        // also on H2: rows kept there before the zip was kept on disk
        while (self.dropPart(id) > 0) {
            // the next part
        }
    }

    private static final String KEPT = "kept-";

    private Path kept(Long id) {
        return uploads.root().resolve(KEPT + id + ".zip");
    }

    private boolean embedded() {
        if (embedded == null) {
            try (Connection c = dataSource.getConnection()) {
                embedded = "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach the database", e);
            }
        }
        return embedded;
    }

    /** The part of the highest rows; how many were removed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int dropPart(Long id) {
        Number last = (Number) em.createNativeQuery("SELECT MAX(seq) FROM import_run_file WHERE run_id = ?")
                .setParameter(1, id).getSingleResult();
        if (last == null) {
            return 0;
        }
        return em.createNativeQuery("DELETE FROM import_run_file WHERE run_id = ? AND seq > ?")
                .setParameter(1, id).setParameter(2, last.intValue() - ROWS_PER_TRANSACTION).executeUpdate();
    }
}
