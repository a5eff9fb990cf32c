package dev.gannet.runtime.models;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a pull reported, for assertions. */
final class RecordingProgress implements PullProgress {
    final List<String> steps = new ArrayList<>();
    long lastBytes = -1;
    long byteCalls;

    @Override
    public synchronized void step(String message) {
        steps.add(message);
    }

    @Override
    public synchronized void bytes(String phase, long done, long total) {
        lastBytes = done;
        byteCalls++;
    }
}
