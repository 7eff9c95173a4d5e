package org.district.socialmedia.accounts.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class DirectoryBodyTest {

    private static Supplier<byte[]> counting(AtomicInteger builds, String json) {
        return () -> {
            builds.incrementAndGet();
            return json.getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void theSameVersionIsBuiltOnceAndANewVersionAgain() {
        DirectoryBody body = new DirectoryBody();
        AtomicInteger builds = new AtomicInteger();
        byte[] first = body.json("v1", counting(builds, "[{\"handle\":\"@lhs\"}]"));
        assertSame(first, body.json("v1", counting(builds, "not built")));
        assertEquals(1, builds.get(), "the accounts are read once per version");
        assertArrayEquals("[]".getBytes(StandardCharsets.UTF_8), body.json("v2", counting(builds, "[]")));
        assertEquals(2, builds.get(), "a new version is built");
    }

    @Test
    void clientsArrivingTogetherWaitForOneBuild() throws Exception {
        DirectoryBody body = new DirectoryBody();
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return body.json("v1", () -> {
                        builds.incrementAndGet();
                        sleep();
                        return "[]".getBytes(StandardCharsets.UTF_8);
                    });
                }));
            }
            go.countDown();
            for (Future<byte[]> answer : answers) {
                assertEquals("[]", new String(answer.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            }
            assertEquals(1, builds.get(), "twenty clients, one build");
        } finally {
            clients.shutdownNow();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
