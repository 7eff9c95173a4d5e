package org.district.socialmedia.students.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The zip kept with a run in the database ({@code import_run_file}, rows of {@value ImportRuns#FILE_CHUNK_BYTES}
 * bytes), for the import job on any server. Written and removed {@value #ROWS_PER_TRANSACTION} rows a
 * transaction: H2 holds a transaction's pages in the heap until it commits, and a District's zip (460 MB) in
 * one transaction ran the embedded database out of memory and closed it.
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

    /**
     * Keeps the zip with its run, read from disk a row at a time, so its size does not matter to the heap. Rows
     * left by a keeping cut short (a crash) are replaced.
     */
    public void keep(Long id, Path zip) {
        drop(id);
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

    /** Removes the run's kept zip, if any, a part at a time. */
    public void drop(Long id) {
        while (self.dropPart(id) > 0) {
            // the next part
        }
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
