package dev.gannet.tools.grep;

/** A point in time after which a search stops. */
public final class Deadline {
    private final long nanos;

    private Deadline(long nanos) {
        this.nanos = nanos;
    }

    public static Deadline after(java.time.Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public boolean expired() {
        return System.nanoTime() - nanos > 0;
    }
}
