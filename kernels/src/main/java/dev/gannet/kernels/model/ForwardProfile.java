package dev.gannet.kernels.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a session's forward passes spend their time, step by step: attached to a session with
 * {@link InferenceSession#profile}, it adds the wall time of each step of every pass to its totals
 * until detached. Each step is timed on the calling thread around the whole step, team included, so
 * the steps add up to the passes' time; {@link Step#OTHER} is what lies between them (embedding,
 * residual adds, the norms of architectures that keep them apart). Two clock reads per step, a few
 * hundred per token: nothing next to a pass.
 *
 * <p>Not thread-safe: one session, one calling thread.
 */
public final class ForwardProfile {
    /** The steps of a forward pass, in the order a layer runs them. */
    public enum Step {
        /** Q, K and V projections (with their norm) */
        QKV,
        /** biases, QK-norm, RoPE and the K/V writes into the cache */
        ROPE_KV,
        ATTENTION,
        /** the attention output projection */
        ATTN_OUTPUT,
        /** the FFN's gate and up projections with the activation */
        FFN_GATE_UP,
        FFN_DOWN,
        /** the final norm and the vocabulary projection (logits) */
        OUTPUT,
        OTHER
    }

    private final long[] nanos = new long[Step.values().length];
    private long passes;
    /** The current pass's steps so far, for {@link #pass}. */
    private long passSteps;

    /** Adds {@code since}..now to {@code step} and returns now, the next step's start. */
    long lap(Step step, long since) {
        long now = System.nanoTime();
        nanos[step.ordinal()] += now - since;
        passSteps += now - since;
        return now;
    }

    /** Ends a pass that ran from {@code start} to {@code end}: what its steps did not take goes to {@link Step#OTHER}. */
    void pass(long start, long end) {
        nanos[Step.OTHER.ordinal()] += Math.max(0, end - start - passSteps);
        passSteps = 0;
        passes++;
    }

    /** Forward passes profiled. */
    public long passes() {
        return passes;
    }

    /** Seconds spent in each step over all profiled passes, in step order. */
    public Map<Step, Double> seconds() {
        Map<Step, Double> seconds = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            seconds.put(step, nanos[step.ordinal()] / 1e9);
        }
        return seconds;
    }
}
