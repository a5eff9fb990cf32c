package dev.gannet.runtime.server;

/** The inference queue is full; the HTTP layer answers 429 with {@code Retry-After: retryAfterSeconds}. */
public final class QueueFullException extends RuntimeException {
    private final int retryAfterSeconds;

    QueueFullException(int capacity, int retryAfterSeconds) {
        super("the server is busy: " + capacity + " requests are already waiting for the model; retry in "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
