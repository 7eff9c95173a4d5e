package org.district.socialmedia.accounts;

import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import org.district.socialmedia.accounts.control.DirectoryVersions;
import org.district.socialmedia.accounts.entity.DirectoryVersion;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.TestTransactions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Inside the server: the directory's version lives in the database and moves only with the
 * transaction of a change. What stays in a server (DirectoryBody, DirectoryUnits) is only a copy keyed
 * on it, so servers sharing the database agree by reading the same row.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryVersionIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    TestTransactions tx;
    @Inject
    DirectoryVersions versions;

    private long number() {
        return tx.inNewTransaction(em -> em.find(DirectoryVersion.class, DirectoryVersion.ID).getVersion());
    }

    private void changeCommitted() {
        tx.inNewTransaction(em -> {
            versions.changed();
            return null;
        });
    }

    @Test
    void aCommittedChangeRaisesTheVersionByOneAndGivesANewToken() {
        long before = number();
        String token = versions.current();
        changeCommitted();
        assertEquals(before + 1, number());
        assertNotEquals(token, versions.current());
    }

    @Test
    void aChangeRolledBackLeavesTheVersionAsItWas() {
        long before = number();
        String token = versions.current();
        assertThrows(RuntimeException.class, () -> tx.inNewTransaction(em -> {
            versions.changed();
            throw new IllegalStateException("the change fails after the version was raised");
        }));
        assertEquals(before, number());
        assertEquals(token, versions.current(), "clients keep their copy: nothing changed");
    }

    @Test
    void theVersionMovesOnlyInsideTheChangesTransaction() {
        assertThrows(EJBTransactionRequiredException.class, () -> versions.changed());
    }

    @Test
    void concurrentChangesEachCount() throws Exception {
        int writers = 6;
        int changesEach = 5;
        long before = number();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < changesEach; i++) {
                        changeCommitted();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + (long) writers * changesEach, number(), "no change lost, as on servers sharing the database");
    }
}
