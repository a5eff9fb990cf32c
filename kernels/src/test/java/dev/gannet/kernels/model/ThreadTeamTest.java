package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ThreadTeam#parallelFor}: every index exactly once, for team sizes from 1 to more threads
 * than cores, sizes from empty to large and work from tiny to heavy; member numbers in range; jobs
 * back to back, after the workers parked, handed between calling threads; failures reported and
 * the team usable after them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadTeamTest {
    private static final int[] SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 31, 63, 64, 65, 100, 127, 576, 960, 1000,
        1536, 4099, 49_152, 70_001, 200_000};
    private static final long[] WORK = {1, 100, 576, 4096, 1L << 20};

    /** Counts the visits of each index and checks the member numbers. */
    private static final class Counting implements ThreadTeam.RangeBody {
        final AtomicIntegerArray visits;
        final int members;
        volatile String badMember;

        Counting(int n, int members) {
            this.visits = new AtomicIntegerArray(n);
            this.members = members;
        }

        @Override
        public void run(int member, int from, int to) {
            if (member < 0 || member >= members) {
                badMember = "member " + member;
            }
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        }

        void assertEachOnce(String what) {
            assertEquals(null, badMember, what);
            for (int i = 0; i < visits.length(); i++) {
                assertEquals(1, visits.get(i), what + ": index " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void everyIndexIsDoneExactlyOnce(int threads) {
        try (ThreadTeam team = new ThreadTeam(threads)) {
            for (int round = 0; round < 3; round++) {
                for (int n : SIZES) {
                    for (long work : WORK) {
                        Counting body = new Counting(n, threads);
                        team.parallelFor(n, work, body);
                        body.assertEachOnce(threads + " threads, n " + n + ", work " + work);
                    }
                }
            }
        }
    }

    @Test
    void manyJobsBackToBackReuseTheTeam() {
        try (ThreadTeam team = new ThreadTeam(3)) {
            // One long-lived body, as the engine uses: a job's counts are checked and reset after it.
            Counting body = new Counting(5000, 3);
            for (int job = 0; job < 20_000; job++) {
                int n = 1 + (job * 7919) % 5000;
                team.parallelFor(n, 4096, body);
                for (int i = 0; i < n; i++) {
                    assertEquals(1, body.visits.getAndSet(i, 0), "job " + job + ", n " + n + ", index " + i);
                }
                for (int i = n; i < 5000; i++) {
                    assertEquals(0, body.visits.get(i), "job " + job + ": index " + i + " past n");
                }
            }
        }
    }

    @Test
    void jobsStillRunAfterTheWorkersParked() throws InterruptedException {
        try (ThreadTeam team = new ThreadTeam(2)) {
            for (int job = 0; job < 5; job++) {
                Thread.sleep(20); // longer than a worker waits before it parks
                Counting body = new Counting(3000, 2);
                team.parallelFor(3000, 4096, body);
                body.assertEachOnce("job " + job);
            }
        }
    }

    @Test
    void callersTakingTurnsShareOneTeam() throws Exception {
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        ReentrantLock turn = new ReentrantLock();
        CountDownLatch start = new CountDownLatch(1);
        try (ThreadTeam team = new ThreadTeam(3)) {
            Future<?>[] results = new Future<?>[callers];
            for (int c = 0; c < callers; c++) {
                int caller = c;
                results[c] = pool.submit(() -> {
                    start.await();
                    for (int job = 0; job < 500; job++) {
                        int n = 1 + (job * 31 + caller * 977) % 3000;
                        Counting body = new Counting(n, 3);
                        turn.lock();
                        try {
                            team.parallelFor(n, 4096, body);
                        } finally {
                            turn.unlock();
                        }
                        body.assertEachOnce("caller " + caller + ", job " + job);
                    }
                    return null;
                });
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void independentTeamsRunAtTheSameTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?>[] results = new Future<?>[3];
            for (int c = 0; c < results.length; c++) {
                int seed = c;
                results[c] = pool.submit(() -> {
                    try (ThreadTeam team = new ThreadTeam(2)) {
                        for (int job = 0; job < 2000; job++) {
                            int n = 1 + (job * 131 + seed * 71) % 2000;
                            Counting body = new Counting(n, 2);
                            team.parallelFor(n, 4096, body);
                            body.assertEachOnce("team " + seed + ", job " + job);
                        }
                    }
                    return null;
                });
            }
            for (Future<?> result : results) {
                result.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingChunkIsReportedAndTheTeamStaysUsable() {
        try (ThreadTeam team = new ThreadTeam(2)) {
            for (int round = 0; round < 50; round++) {
                int failAt = (round * 37) % 1000;
                IllegalArgumentException cause = new IllegalArgumentException("chunk failed");
                ThreadTeam.RangeBody failing = (member, from, to) -> {
                    if (from <= failAt && failAt < to) {
                        throw cause;
                    }
                };
                RuntimeException thrown = assertThrows(RuntimeException.class,
                        () -> team.parallelFor(1000, 4096, failing));
                assertTrue(thrown == cause || thrown.getCause() == cause, "the body's exception is reported: " + thrown);
                Counting body = new Counting(1000, 2);
                team.parallelFor(1000, 4096, body);
                body.assertEachOnce("after failure " + round);
            }
        }
    }

    @Test
    void smallJobsRunOnTheCallerAlone() {
        try (ThreadTeam team = new ThreadTeam(4)) {
            Thread caller = Thread.currentThread();
            Thread[] ran = new Thread[1];
            team.parallelFor(10, 1, (member, from, to) -> {
                assertEquals(0, member);
                assertEquals(0, from);
                assertEquals(10, to);
                ran[0] = Thread.currentThread();
            });
            assertSame(caller, ran[0]);
        }
    }

    @Test
    void aClosedTeamRefusesWork() {
        ThreadTeam team = new ThreadTeam(2);
        team.close();
        assertThrows(IllegalStateException.class, () -> team.parallelFor(100_000, 4096, (member, from, to) -> { }));
    }
}
