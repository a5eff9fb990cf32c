package dev.gannet.kernels.model;

/** More positions were asked for than the session's context holds. */
public final class ContextOverflowException extends RuntimeException {
    public ContextOverflowException(int needed, int capacity) {
        super("context is full: " + needed + " positions needed, the context holds " + capacity);
    }
}
