package dev.gannet.kernels.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads, sized to the cores, that splits an index range among its members. The
 * calling thread works too, as member 0.
 *
 * <p>Fork/join is cheap: a job is published by writing its fields and bumping a volatile
 * generation counter; workers spin on the counter for a short while (operations within a token
 * follow each other by microseconds) and park only when idle longer. Every worker acknowledges
 * every job, even one too small to split among all, so a job's fields are never rewritten while a
 * worker may still be reading them. Nothing is allocated per job: callers pass long-lived
 * {@link RangeBody} objects.
 */
public final class ThreadTeam implements AutoCloseable {
    /** Work on indices [from, to) as team member {@code member}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int member, int from, int to);
    }

    /** Below this much work (indices × work per index) a job runs on the caller alone. */
    private static final long MIN_PARALLEL_WORK = 16_384;
    /**
     * How long an idle worker spins before it parks: longer than the serial stretches of a decode
     * step (norms, RoPE, sampling), so workers stay awake between the jobs of a token.
     */
    private static final long WORKER_SPIN_NANOS = 2_000_000;
    /** How long the caller spins waiting for the workers before it starts yielding. */
    private static final long SPIN_NANOS = 50_000;

    private final int size;
    private final Worker[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long generation;
    private volatile boolean closed;
    // The current job; written before the generation is bumped, read after it is seen.
    private RangeBody body;
    private int length;
    private int members;

    public ThreadTeam(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a team needs at least one thread, not " + size);
        }
        this.size = size;
        this.workers = new Worker[size - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].thread.start();
        }
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
     * are done. Work too small to be worth waking threads for runs on the caller alone. Not
     * reentrant: one job at a time, from one calling thread.
     */
    public void parallelFor(int n, long workPerIndex, RangeBody body) {
        int split = (int) Math.min(size, n);
        if (split <= 1 || (long) n * workPerIndex < MIN_PARALLEL_WORK) {
            body.run(0, 0, n);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the compute team is closed");
        }
        this.body = body;
        this.length = n;
        this.members = split;
        pending.set(workers.length);
        generation++;
        for (Worker worker : workers) {
            if (worker.parked) {
                LockSupport.unpark(worker.thread);
            }
        }
        try {
            body.run(0, 0, chunkEnd(0, n, split));
        } finally {
            awaitWorkers();
        }
        Throwable failed = failure.getAndSet(null);
        if (failed != null) {
            throw new IllegalStateException("a compute thread failed: " + failed, failed);
        }
    }

    /**
     * Waits for the workers' chunks: spinning first (they finish within microseconds of each other
     * on an idle machine), then yielding, so that on a busy machine a descheduled worker gets the
     * core back instead of the caller burning it.
     */
    private void awaitWorkers() {
        long start = System.nanoTime();
        int spins = 0;
        while (pending.get() != 0) {
            if ((++spins & 63) != 0 || System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private static int chunkEnd(int member, int n, int split) {
        return (int) ((long) n * (member + 1) / split);
    }

    @Override
    public void close() {
        closed = true;
        for (Worker worker : workers) {
            LockSupport.unpark(worker.thread);
        }
    }

    private final class Worker implements Runnable {
        private final int member;
        private final Thread thread;
        private volatile boolean parked;

        Worker(int member) {
            this.member = member;
            this.thread = new Thread(this, "gannet-compute-" + member);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long now = awaitJob(seen);
                if (now < 0) {
                    return;
                }
                seen = now;
                try {
                    if (member < members) {
                        int n = length;
                        body.run(member, chunkEnd(member - 1, n, members), chunkEnd(member, n, members));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    pending.decrementAndGet();
                }
            }
        }

        /** Waits for a generation after {@code seen}: spins, then parks. Returns -1 when closed. */
        private long awaitJob(long seen) {
            long spinStart = System.nanoTime();
            int spins = 0;
            while (true) {
                long current = generation;
                if (current != seen) {
                    return current;
                }
                if (closed) {
                    return -1;
                }
                if ((++spins & 63) != 0 || System.nanoTime() - spinStart < WORKER_SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                // Announce the park before the last look at the generation; the publisher bumps the
                // generation before it looks at the flag, so one of the two always sees the other.
                parked = true;
                if (generation == seen && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                spinStart = System.nanoTime();
            }
        }
    }
}
