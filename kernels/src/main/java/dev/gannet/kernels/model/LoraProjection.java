package dev.gannet.kernels.model;

import dev.gannet.kernels.lora.LoraDelta;

/**
 * Adds an adapter's update to the output of a projection, tokens split among the team. Each token
 * needs its own rank-sized intermediate A · x, so the tokens of a batch are independent. A
 * long-lived object per session: running it allocates nothing.
 */
final class LoraProjection implements ThreadTeam.RangeBody {
    private final int maxRank;
    /** [batch][maxRank] A · x of each token */
    private final float[] ax;
    private LoraDelta delta;
    private float[] x;
    private int xStride;
    private float[] out;
    private int outStride;

    LoraProjection(int maxBatch, int maxRank) {
        this.maxRank = maxRank;
        this.ax = new float[maxBatch * maxRank];
    }

    /** out[t][0, rows) += ΔW · x[t] for t in [0, batch); nothing when {@code delta} is null. */
    void run(ThreadTeam team, LoraDelta delta, float[] x, int xStride, int batch, float[] out, int outStride) {
        if (delta == null) {
            return;
        }
        this.delta = delta;
        this.x = x;
        this.xStride = xStride;
        this.out = out;
        this.outStride = outStride;
        team.parallelFor(batch, (long) delta.rank() * (delta.inputs() + delta.rows()), this);
    }

    @Override
    public void run(int member, int from, int to) {
        for (int t = from; t < to; t++) {
            delta.addTo(x, t * xStride, out, t * outStride, ax, t * maxRank);
        }
    }
}
