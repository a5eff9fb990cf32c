package dev.gannet.runtime.server;

import dev.gannet.runtime.backend.ModelBackend;

/**
 * A backend with a count of the completions using it, so that a hot swap can retire it and close it
 * only after the last completion that started on it has finished.
 */
final class LoadedModel {
    private final ModelBackend backend;
    private int users;
    private boolean retired;

    LoadedModel(ModelBackend backend) {
        this.backend = backend;
    }

    ModelBackend backend() {
        return backend;
    }

    synchronized void acquire() {
        users++;
    }

    void release() {
        boolean close;
        synchronized (this) {
            users--;
            close = retired && users == 0;
        }
        if (close) {
            backend.close();
        }
    }

    /** No new completion will start on it; closes it now if none is running. */
    void retire() {
        boolean close;
        synchronized (this) {
            retired = true;
            close = users == 0;
        }
        if (close) {
            backend.close();
        }
    }
}
