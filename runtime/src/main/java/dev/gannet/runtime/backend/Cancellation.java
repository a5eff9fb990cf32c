package dev.gannet.runtime.backend;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A flag that a client (a closed socket, a {@code cancel} message, a disconnected HTTP stream) sets
 * and the generating thread polls once per token; listeners let blocking work (a tool's process, a
 * remote request) stop early too.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the action when cancelled (at once if it already is). */
    public void onCancel(Runnable action) {
        listeners.add(action);
        if (cancelled) {
            action.run();
        }
    }
}
