package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.tensor.VectorMath;
import java.util.Arrays;

/**
 * Causal (and, on sliding-window layers, windowed) attention of every query head of a batch over
 * the KV cache, split among the team by (token, head). A long-lived object per session.
 *
 * <p>For query head h of the token at position p: scores over cached positions j ≤ p (within the
 * window when sliding), scaled, soft-capped when the model does, softmax, then the weighted sum of
 * the values. Query heads share KV heads in groups of {@code kvMul} (grouped-query attention).
 */
final class Attention implements ThreadTeam.RangeBody {
    private final ModelConfig config;
    /** [member][context] scores of the head being computed */
    private final float[][] scores;
    private float[] q;
    private float[] out;
    private float[] keys;
    private float[] values;
    private int start;
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
        this.start = start;
        this.sliding = sliding;
        team.parallelFor(count * config.heads(), (long) (start + count) * config.headDim() * 2, this);
    }

    @Override
    public void run(int member, int from, int to) {
        ModelConfig c = config;
        int headDim = c.headDim();
        int qDim = c.queryDim();
        int kvDim = c.kvDim();
        float[] score = scores[member];
        for (int item = from; item < to; item++) {
            int t = item / c.heads();
            int head = item % c.heads();
            int position = start + t;
            int qBase = t * qDim + head * headDim;
            int kvOffset = (head / c.kvMul()) * headDim;
            // Positions this query sees: all up to itself, or the last `window` on sliding layers.
            int first = sliding ? Math.max(0, position - c.slidingWindow() + 1) : 0;
            float max = Float.NEGATIVE_INFINITY;
            for (int p = first; p <= position; p++) {
                float s = VectorMath.dot(q, qBase, keys, p * kvDim + kvOffset, headDim) * c.attentionScale();
                if (c.attnSoftcap() > 0) {
                    s = c.attnSoftcap() * (float) Math.tanh(s / c.attnSoftcap());
                }
                score[p] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int p = first; p <= position; p++) {
                float e = (float) Math.exp(score[p] - max);
                score[p] = e;
                sum += e;
            }
            float norm = (float) (1.0 / sum);
            Arrays.fill(out, qBase, qBase + headDim, 0f);
            for (int p = first; p <= position; p++) {
                VectorMath.axpy(score[p] * norm, values, p * kvDim + kvOffset, out, qBase, headDim);
            }
        }
    }
}
