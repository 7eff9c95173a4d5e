package org.district.socialmedia.acknowledgements;

import jakarta.inject.Inject;
import org.district.socialmedia.acknowledgements.control.AckWorker;
import org.district.socialmedia.acknowledgements.entity.Campaign;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.TestTransactions;
import org.district.socialmedia.policy.boundary.PolicyLibrary;
import org.district.socialmedia.policy.entity.PolicyDocument;
import org.district.socialmedia.policy.entity.PolicyVersion;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server: two workers (as two servers' acknowledgement sweeps would) run the same due chunk of a
 * campaign's obligations at the same moment, each then retrying one by one what its chunk rolled back, as
 * AckSweep does. Every obligation's notice is recorded once (the stage's primary key) and written to the outbox
 * once (a chunk that lost rolled back its emails with its stages).
 */
@ExtendWith(ArquillianExtension.class)
class AckSweepConcurrencyIT {

    private static final int CHUNK = 100;

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    AckWorker worker;
    @Inject
    PolicyLibrary policies;
    @Inject
    TestTransactions tx;
    @Inject
    Clock clock;

    private Long campaignId;

    @AfterEach
    void endTheCampaign() {
        if (campaignId != null) {
            tx.inNewTransaction(em -> {
                Campaign c = em.find(Campaign.class, campaignId);
                if (c.isOpen()) {
                    c.close(clock.instant());
                }
                return null;
            });
        }
    }

    /** A chunk's run as one server's sweep makes it: the chunk, and when it rolls back, each obligation alone. */
    private Callable<Integer> sweep(List<AckWorker.Due> chunk, CountDownLatch go) {
        return () -> {
            go.await();
            try {
                return worker.lookAll(chunk);
            } catch (RuntimeException rolledBack) {
                int fired = 0;
                for (AckWorker.Due d : chunk) {
                    try {
                        fired += worker.look(d) != null ? 1 : 0;
                    } catch (RuntimeException recordedByTheOther) {
                        // the other server recorded this stage first: the primary key refused it, emails and all
                    }
                }
                return fired;
            }
        };
    }

    @Test
    void twoWorkersOnTheSameDueChunkSendEachNoticeOnce() throws Exception {
        campaignId = tx.inNewTransaction(em -> {
            PolicyVersion version = policies.inForce(PolicyDocument.BOARD_POLICY).orElseThrow();
            return worker.start(Campaign.byHand(version.getId(), clock.instant(), "sysadmin", "two sweeps at once",
                    worker.period(), worker.reminders()), version).getId();
        });
        List<AckWorker.Due> chunk = worker.due(5000).stream().filter(d -> d.campaignId().equals(campaignId)).limit(CHUNK).toList();
        assertFalse(chunk.isEmpty(), "the campaign's notices are due");

        ExecutorService servers = Executors.newFixedThreadPool(2);
        List<Integer> fired = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> one = servers.submit(sweep(chunk, go));
            Future<Integer> two = servers.submit(sweep(chunk, go));
            go.countDown();
            fired.add(one.get(2, TimeUnit.MINUTES));
            fired.add(two.get(2, TimeUnit.MINUTES));
        } finally {
            servers.shutdownNow();
        }
        // and a third run later (a restart): nothing is due again
        assertEquals(0, worker.lookAll(chunk), "nothing fires twice");

        for (AckWorker.Due d : chunk) {
            long stages = tx.inNewTransaction(em -> ((Number) em.createNativeQuery(
                            "SELECT COUNT(*) FROM ack_stage WHERE campaign_id = ?1 AND staff_id = ?2")
                    .setParameter(1, d.campaignId()).setParameter(2, d.staffId()).getSingleResult()).longValue());
            long mails = tx.inNewTransaction(em -> ((Number) em.createNativeQuery(
                            "SELECT COUNT(*) FROM outbox_message WHERE message_id LIKE ?1")
                    .setParameter(1, "<ack-%." + d.campaignId() + "." + d.staffId() + ".%").getSingleResult()).longValue());
            assertEquals(1, stages, "one stage recorded for " + d);
            assertEquals(1, mails, "one email in the outbox for " + d);
        }
        int total = fired.get(0) + fired.get(1);
        assertTrue(total <= chunk.size(), "each notice fired by one of the two (the timer may have taken some): " + fired);
    }
}
