package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.tensor.VectorMath;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Causal (and, on sliding-window layers, windowed) attention of every query head of a batch over
 * the KV cache, split among the team by (token, head). A long-lived object per session.
 *
 * <p>For query head h of the token at position p: scores over cached positions j ≤ p (within the
 * window when sliding), scaled, soft-capped when the model does, softmax, then the weighted sum of
 * the values. Query heads share KV heads in groups of {@code kvMul} (grouped-query attention).
 * Work items are (token, head) pairs, tokens in the order first, last, second, second-to-last, …
 * so that the team's equal shares of items are equal shares of work under the causal mask.
 */
final class Attention implements ThreadTeam.RangeBody {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = F.length();

    private final ModelConfig config;
    /** [member][context] scores of the head being computed */
    private final float[][] scores;
    private float[] q;
    private float[] out;
    private float[] keys;
    private float[] values;
    private int stride;
    private int start;
    private int count;
    private boolean sliding;

    Attention(ModelConfig config, int teamSize, int context) {
        this.config = config;
        this.scores = new float[teamSize][context];
    }

    /**
     * @param q   [count][heads * headDim] queries, RoPE applied
     * @param out [count][heads * headDim] attention output
     */
    void run(ThreadTeam team, KvCache cache, int layer, float[] q, float[] out, int count, int start, boolean sliding) {
        this.q = q;
        this.out = out;
        this.keys = cache.keys[layer];
        this.values = cache.values[layer];
        this.stride = cache.allocated();
        this.start = start;
        this.count = count;
        this.sliding = sliding;
        team.parallelFor(count * config.heads(), (long) (start + count) * config.headDim() * 2, this);
    }

    /**
     * score[p] = q · key_p for p in [from, to): over the transposed keys, each query element
     * multiplies a run of positions; four runs of LANES positions at a time, so four independent
     * FMA chains hide the FMA latency.
     */
    private void scores(float[] q, int qBase, int kvOffset, int from, int to, float[] score) {
        int headDim = config.headDim();
        int p = from;
        for (; p + 4 * LANES <= to; p += 4 * LANES) {
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            FloatVector a2 = FloatVector.zero(F);
            FloatVector a3 = FloatVector.zero(F);
            for (int i = 0; i < headDim; i++) {
                FloatVector qi = FloatVector.broadcast(F, q[qBase + i]);
                int k = (kvOffset + i) * stride + p;
                a0 = FloatVector.fromArray(F, keys, k).fma(qi, a0);
                a1 = FloatVector.fromArray(F, keys, k + LANES).fma(qi, a1);
                a2 = FloatVector.fromArray(F, keys, k + 2 * LANES).fma(qi, a2);
                a3 = FloatVector.fromArray(F, keys, k + 3 * LANES).fma(qi, a3);
            }
            a0.intoArray(score, p);
            a1.intoArray(score, p + LANES);
            a2.intoArray(score, p + 2 * LANES);
            a3.intoArray(score, p + 3 * LANES);
        }
        for (; p + LANES <= to; p += LANES) {
            FloatVector acc = FloatVector.zero(F);
            for (int i = 0; i < headDim; i++) {
                acc = FloatVector.fromArray(F, keys, (kvOffset + i) * stride + p).fma(FloatVector.broadcast(F, q[qBase + i]), acc);
            }
            acc.intoArray(score, p);
        }
        for (; p < to; p++) {
            float sum = 0;
            for (int i = 0; i < headDim; i++) {
                sum += q[qBase + i] * keys[(kvOffset + i) * stride + p];
            }
            score[p] = sum;
        }
    }

    /**
     * Softmax of score[from, to) in place after scaling (and soft-capping) it; returns 1 / Σ e, the
     * factor the weights still need.
     */
    private float softmax(float[] score, int from, int to) {
        ModelConfig c = config;
        float scale = c.attentionScale();
        float cap = c.attnSoftcap();
        float max = Float.NEGATIVE_INFINITY;
        int p = from;
        if (cap <= 0) {
            FloatVector top = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            for (; p + LANES <= to; p += LANES) {
                FloatVector s = FloatVector.fromArray(F, score, p).mul(scale);
                s.intoArray(score, p);
                top = top.max(s);
            }
            max = top.reduceLanes(VectorOperators.MAX);
        }
        for (; p < to; p++) {
            float s = score[p] * scale;
            if (cap > 0) {
                s = cap * (float) Math.tanh(s / cap);
            }
            score[p] = s;
            max = Math.max(max, s);
        }
        // e^(s - max) with the vector exp; the few positions past the last whole vector with Math.exp.
        FloatVector sums = FloatVector.zero(F);
        p = from;
        for (; p + LANES <= to; p += LANES) {
            FloatVector e = VectorMath.exp(FloatVector.fromArray(F, score, p).sub(max));
            e.intoArray(score, p);
            sums = sums.add(e);
        }
        double sum = sums.reduceLanes(VectorOperators.ADD);
        for (; p < to; p++) {
            float e = (float) Math.exp(score[p] - max);
            score[p] = e;
            sum += e;
        }
        return (float) (1.0 / sum);
    }

    /**
     * out[qBase ..] = Σ_p weight_p · value_p over positions [from, to), weight_p = score[p] · norm:
     * four vectors of the head at a time stay in registers across all positions, in two sets of
     * accumulators (even and odd positions) so consecutive positions' FMAs do not wait on each other.
     */
    private void weightedValues(float[] score, float norm, int from, int to, int kvOffset, int qBase) {
        int headDim = config.headDim();
        int kvDim = config.kvDim();
        int i = 0;
        for (; i + 4 * LANES <= headDim; i += 4 * LANES) {
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            FloatVector a2 = FloatVector.zero(F);
            FloatVector a3 = FloatVector.zero(F);
            FloatVector b0 = FloatVector.zero(F);
            FloatVector b1 = FloatVector.zero(F);
            FloatVector b2 = FloatVector.zero(F);
            FloatVector b3 = FloatVector.zero(F);
            int p = from;
            for (; p + 1 < to; p += 2) {
                FloatVector w = FloatVector.broadcast(F, score[p] * norm);
                int v = p * kvDim + kvOffset + i;
                a0 = FloatVector.fromArray(F, values, v).fma(w, a0);
                a1 = FloatVector.fromArray(F, values, v + LANES).fma(w, a1);
                a2 = FloatVector.fromArray(F, values, v + 2 * LANES).fma(w, a2);
                a3 = FloatVector.fromArray(F, values, v + 3 * LANES).fma(w, a3);
                FloatVector u = FloatVector.broadcast(F, score[p + 1] * norm);
                int n = v + kvDim;
                b0 = FloatVector.fromArray(F, values, n).fma(u, b0);
                b1 = FloatVector.fromArray(F, values, n + LANES).fma(u, b1);
                b2 = FloatVector.fromArray(F, values, n + 2 * LANES).fma(u, b2);
                b3 = FloatVector.fromArray(F, values, n + 3 * LANES).fma(u, b3);
            }
            if (p < to) {
                FloatVector w = FloatVector.broadcast(F, score[p] * norm);
                int v = p * kvDim + kvOffset + i;
                a0 = FloatVector.fromArray(F, values, v).fma(w, a0);
                a1 = FloatVector.fromArray(F, values, v + LANES).fma(w, a1);
                a2 = FloatVector.fromArray(F, values, v + 2 * LANES).fma(w, a2);
                a3 = FloatVector.fromArray(F, values, v + 3 * LANES).fma(w, a3);
            }
            a0.add(b0).intoArray(out, qBase + i);
            a1.add(b1).intoArray(out, qBase + i + LANES);
            a2.add(b2).intoArray(out, qBase + i + 2 * LANES);
            a3.add(b3).intoArray(out, qBase + i + 3 * LANES);
        }
        if (i < headDim) {
            // Head widths that are not a multiple of four vectors: the rest one position at a time.
            Arrays.fill(out, qBase + i, qBase + headDim, 0f);
            for (int p = from; p < to; p++) {
                VectorMath.axpy(score[p] * norm, values, p * kvDim + kvOffset + i, out, qBase + i, headDim - i);
            }
        }
    }

    @Override
    public void run(int member, int from, int to) {
        ModelConfig c = config;
        int headDim = c.headDim();
        int qDim = c.queryDim();
        float[] score = scores[member];
        for (int item = from; item < to; item++) {
            int t = token(item / c.heads());
            int head = item % c.heads();
            int position = start + t;
            int qBase = t * qDim + head * headDim;
            int kvOffset = (head / c.kvMul()) * headDim;
            // Positions this query sees: all up to itself, or the last `window` on sliding layers.
            int first = sliding ? Math.max(0, position - c.slidingWindow() + 1) : 0;
            scores(q, qBase, kvOffset, first, position + 1, score);
            float norm = softmax(score, first, position + 1);
            weightedValues(score, norm, first, position + 1, kvOffset, qBase);
        }
    }

    /**
     * The token of the k-th slot of the work order 0, n-1, 1, n-2, …: under the causal mask a token's
     * work grows with its position, so first and last tokens alternate and the team's contiguous
     * shares of the items cost about the same.
     */
    private int token(int k) {
        return (k & 1) == 0 ? k >> 1 : count - 1 - (k >> 1);
    }
}
