package dev.gannet.kernels.model;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed team of threads, sized to the cores, that splits an index range among its members. The
 * calling thread works too, as member 0. Each member gets its index so it can use its own scratch
 * buffers.
 */
public final class ThreadTeam implements AutoCloseable {
    /** Work on indices [from, to) as team member {@code member}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int member, int from, int to);
    }

    private final int size;
    private final ExecutorService workers;

    public ThreadTeam(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a team needs at least one thread, not " + size);
        }
        this.size = size;
        this.workers = size == 1 ? null : Executors.newFixedThreadPool(size - 1, runnable -> {
            Thread thread = new Thread(runnable, "gannet-compute");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A team with one thread per available core. */
    public static ThreadTeam sizedToCores() {
        return new ThreadTeam(Runtime.getRuntime().availableProcessors());
    }

    public int size() {
        return size;
    }

    /**
     * Runs {@code body} over [0, n) split into contiguous chunks, one per member, and returns when all
     * are done. Work too small to be worth waking threads for runs on the caller alone.
     */
    public void parallelFor(int n, long workPerIndex, RangeBody body) {
        int members = (int) Math.min(size, n);
        if (members <= 1 || (long) n * workPerIndex < 16_384) {
            body.run(0, 0, n);
            return;
        }
        CountDownLatch done = new CountDownLatch(members - 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int m = 1; m < members; m++) {
            int member = m;
            int from = (int) ((long) n * m / members);
            int to = (int) ((long) n * (m + 1) / members);
            workers.execute(() -> {
                try {
                    body.run(member, from, to);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            });
        }
        body.run(0, 0, (int) ((long) n / members));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the compute team", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a compute thread failed", failure.get());
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
