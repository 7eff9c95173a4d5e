package org.district.socialmedia.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One pass at a time on a server; the test server's "run it now" waits for the pass in progress instead of skipping. */
class SweepTest {

    private final Sweep sweep = new Sweep("Test sweep", "test-sweep", "test", Logger.getLogger(SweepTest.class.getName()));
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    /** Records nowhere: its failure to record (no database) is logged and does not fail the pass. */
    private final SweepRecorder recorder = new SweepRecorder();

    @Test
    void aPassAskedForWhileOneRunsIsSkippedButOneAskedForNowRunsOnceTheRunningOneEnds() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> passes = new ArrayList<>();
        CompletableFuture<Integer> timer = CompletableFuture.supplyAsync(() -> sweep.run(clock, recorder, pass -> {
            inside.countDown();
            await(release);
            synchronized (passes) {
                passes.add("timer");
            }
            pass.attempt("item", () -> 1);
        }));
        assertTrue(inside.await(5, TimeUnit.SECONDS));

        assertEquals(0, sweep.run(clock, recorder, pass -> passes.add("skipped")), "no second pass at once");
        CompletableFuture<Integer> now = CompletableFuture.supplyAsync(() -> sweep.runAfterCurrent(clock, recorder, pass -> {
            synchronized (passes) {
                passes.add("now");
            }
            pass.attempt("item", () -> 1);
        }, Duration.ofSeconds(10)));
        Thread.sleep(100);
        assertFalse(now.isDone(), "waits while the timer's pass runs");
        release.countDown();

        assertEquals(1, timer.get(5, TimeUnit.SECONDS));
        assertEquals(1, now.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("timer", "now"), passes);
    }

    @Test
    void aPassThatDoesNotEndInTimeIsReportedToTheOneWaiting() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> stuck = CompletableFuture.supplyAsync(() -> sweep.run(clock, recorder, pass -> {
            inside.countDown();
            await(release);
        }));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> sweep.runAfterCurrent(clock, recorder, pass -> { }, Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("still running"), e.getMessage());
        } finally {
            release.countDown();
            stuck.get(5, TimeUnit.SECONDS);
        }
        assertEquals(0, sweep.runAfterCurrent(clock, recorder, pass -> { }, Duration.ofSeconds(1)), "free again afterwards");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
