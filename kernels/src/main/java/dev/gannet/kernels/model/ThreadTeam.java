package dev.gannet.kernels.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads, sized to the cores, that shares out an index range among its members.
 * The calling thread works too, as member 0.
 *
 * <p>The range is cut into chunks (several per member) that members take one at a time from a
 * shared counter, so a member that runs slower — one whose core is shared with other work, as the
 * two hyperthreads of one physical core are — simply takes fewer chunks instead of holding everyone
 * up with a fixed share.
 *
 * <p>Fork/join is cheap: a job is published by writing its fields and then the {@link #ticket}, one
 * atomic word holding the job's number, its chunk count and the next chunk to take. Workers spin on
 * it for a short while (operations within a token follow each other by microseconds), then yield,
 * then park. A member takes a chunk with a compare-and-set that names the job, so it never takes one
 * of another job, and it reads the job's fields only after such a take succeeded; the job cannot
 * end, nor its fields be rewritten, while a chunk is unfinished. The caller waits only for members
 * still inside the job ({@link #active}), not for every worker to notice it: a worker that the
 * operating system has not scheduled holds nobody up. Nothing is allocated per job: callers pass
 * long-lived {@link RangeBody} objects.
 */
public final class ThreadTeam implements AutoCloseable {
    /** Work on indices [from, to) as team member {@code member}; called once per chunk taken. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int member, int from, int to);
    }

    /** Below this much work (indices × work per index) a job runs on the caller alone. */
    private static final long MIN_PARALLEL_WORK = 16_384;
    /** Chunks per member when the work allows: enough to even out members of unequal speed. */
    private static final int CHUNKS_PER_MEMBER = 8;
    /** No chunk smaller than this much work: each take costs an atomic operation on a shared line. */
    private static final long MIN_CHUNK_WORK = 8_192;
    /**
     * Chunks of more indices than this are rounded to a multiple of it: the prefill path of a matrix
     * works on four rows at a time and takes leftover rows one by one.
     */
    private static final int ALIGN = 4;
    /**
     * How long an idle worker waits for a job before it parks: longer than the serial stretches of
     * a decode step (norms, RoPE, sampling), so workers stay awake between the jobs of a token.
     */
    private static final long WORKER_WAIT_NANOS = 2_000_000;
    /**
     * How long a waiting thread spins before it starts yielding, so that on a busy machine another
     * member (or the caller) that shares its core gets the core instead.
     */
    private static final long SPIN_NANOS = 50_000;
    private static final int CHUNK_BITS = 16;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;
    private static final int MAX_CHUNKS = (int) CHUNK_MASK;

    private final int size;
    private final Worker[] workers;
    /** job number (32 bits) | chunk count (16 bits) | next chunk to take (16 bits) */
    private final AtomicLong ticket = new AtomicLong();
    /** Members other than the caller inside the current job (from before their first take to after their last chunk). */
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    private int jobs;
    // The current job; written before the ticket naming it, read only after a take from that ticket.
    private RangeBody body;
    private int length;
    private int chunkSize;

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
     * Runs {@code body} over [0, n), every index exactly once, in chunks taken by the members as they
     * come free, and returns when all are done. Work too small to be worth waking threads for runs on
     * the caller alone. Not reentrant: one job at a time, from one calling thread.
     */
    public void parallelFor(int n, long workPerIndex, RangeBody body) {
        if (size == 1 || n <= 1 || (long) n * workPerIndex < MIN_PARALLEL_WORK) {
            body.run(0, 0, n);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the compute team is closed");
        }
        int chunk = chunkSize(n, workPerIndex);
        int chunks = (n + chunk - 1) / chunk;
        this.body = body;
        this.length = n;
        this.chunkSize = chunk;
        int job = ++jobs;
        ticket.set((long) job << 32 | (long) chunks << CHUNK_BITS);
        for (Worker worker : workers) {
            if (worker.parked) {
                LockSupport.unpark(worker.thread);
            }
        }
        try {
            runChunks(0, job);
        } finally {
            // All taken already unless the caller's own chunk threw: then none may be taken after
            // this job's fields change.
            ticket.set((long) job << 32 | (long) chunks << CHUNK_BITS | chunks);
            awaitWorkers();
        }
        Throwable failed = failure.getAndSet(null);
        if (failed != null) {
            throw new IllegalStateException("a compute thread failed: " + failed, failed);
        }
    }

    /** Indices per chunk: about {@link #CHUNKS_PER_MEMBER} chunks per member, none under the minimum work. */
    private int chunkSize(int n, long workPerIndex) {
        long byCount = ((long) n + (long) size * CHUNKS_PER_MEMBER - 1) / ((long) size * CHUNKS_PER_MEMBER);
        long byWork = (MIN_CHUNK_WORK + Math.max(1, workPerIndex) - 1) / Math.max(1, workPerIndex);
        long byLimit = ((long) n + MAX_CHUNKS - 1) / MAX_CHUNKS;
        long chunk = Math.max(Math.max(byCount, byWork), Math.max(byLimit, 1));
        if (chunk > ALIGN) {
            chunk = (chunk + ALIGN - 1) / ALIGN * ALIGN;
        }
        return (int) Math.min(chunk, n);
    }

    /** Takes and runs chunks of job {@code job} until none is left (or another job is current). */
    private void runChunks(int member, int job) {
        while (true) {
            long current = ticket.get();
            int chunks = (int) (current >>> CHUNK_BITS & CHUNK_MASK);
            int next = (int) (current & CHUNK_MASK);
            if ((int) (current >>> 32) != job || next >= chunks) {
                return;
            }
            if (!ticket.compareAndSet(current, current + 1)) {
                continue;
            }
            // The take succeeded while the job was current with this chunk open: its fields are this job's.
            int from = next * chunkSize;
            body.run(member, from, Math.min(length, from + chunkSize));
        }
    }

    /**
     * Waits for the members still working on chunks: spinning first (they finish within
     * microseconds of each other on an idle machine), then yielding, so that on a busy machine a
     * descheduled worker gets the core back instead of the caller burning it.
     */
    private void awaitWorkers() {
        long start = 0;
        int spins = 0;
        while (active.get() != 0) {
            if (start == 0) {
                start = System.nanoTime();
            }
            if (spins >= 0 && ((++spins & 63) != 0 || System.nanoTime() - start < SPIN_NANOS)) {
                Thread.onSpinWait();
            } else {
                spins = -1;
                Thread.yield();
            }
        }
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
            int seen = 0;
            while (true) {
                long current = awaitJob(seen);
                if (current == -1) {
                    return;
                }
                seen = (int) (current >>> 32);
                // Announced before the first take: the caller, having seen every chunk taken, waits
                // for this count, so no chunk finishes unseen. A worker that comes too late finds
                // the job's chunks all taken (or another job current) and leaves again.
                active.incrementAndGet();
                try {
                    runChunks(member, seen);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    active.decrementAndGet();
                }
            }
        }

        /**
         * Waits for a job other than {@code seen}: spins, then yields, then parks. Returns the ticket
         * that names it, or -1 when the team is closed.
         */
        private long awaitJob(int seen) {
            long start = System.nanoTime();
            int spins = 0;
            while (true) {
                long current = ticket.get();
                if ((int) (current >>> 32) != seen) {
                    return current;
                }
                if (closed) {
                    return -1;
                }
                if ((++spins & 63) != 0 && spins > 0) {
                    Thread.onSpinWait();
                    continue;
                }
                long waited = System.nanoTime() - start;
                if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                if (waited < WORKER_WAIT_NANOS) {
                    spins = Integer.MIN_VALUE; // from now on, yield at every look
                    Thread.yield();
                    continue;
                }
                // Announce the park before the last look at the ticket; the publisher writes the
                // ticket before it looks at the flag, so one of the two always sees the other.
                parked = true;
                if ((int) (ticket.get() >>> 32) == seen && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                start = System.nanoTime();
                spins = 0;
            }
        }
    }
}
