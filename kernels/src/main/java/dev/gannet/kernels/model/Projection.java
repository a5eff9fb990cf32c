package dev.gannet.kernels.model;

import dev.gannet.kernels.tensor.ActivationBatch;
import dev.gannet.kernels.tensor.TensorKernel;

/**
 * One input multiplied by up to three matrices as a single parallel job — Q, K and V of a layer,
 * or the FFN's gate and up — so the team forks and joins once for all of them. A long-lived object
 * per session: setting its fields and running it allocates nothing (but for growing the packed
 * batch the first time a longer prompt comes).
 *
 * <p>A batch of {@link ActivationBatch#MIN_TOKENS} or more tokens is packed once, before the team
 * forks, into the interleaved layout of the tiled kernel; smaller batches (decode) are read in place.
 */
final class Projection implements ThreadTeam.RangeBody {
    private static final int MAX_MATRICES = 3;

    /** [member][SCRATCH_FLOATS] each team member's dequantization buffer */
    private final float[][] scratch;
    private final WeightMatrix[] matrices = new WeightMatrix[MAX_MATRICES];
    private final float[][] outs = new float[MAX_MATRICES][];
    private final int[] outStrides = new int[MAX_MATRICES];
    private final int[] outOffsets = new int[MAX_MATRICES];
    private int count;
    private float[] x;
    private int xStride;
    private int batch;
    /** the input packed for the tiled kernel; used when {@link #packed} */
    private final ActivationBatch activations = new ActivationBatch();
    private boolean packed;

    Projection(int teamSize) {
        scratch = new float[teamSize][TensorKernel.SCRATCH_FLOATS];
    }

    void run(ThreadTeam team, float[] x, int xStride, int batch, WeightMatrix m, float[] out, int outStride,
             int outOffset) {
        begin(x, xStride, batch);
        add(m, out, outStride, outOffset);
        execute(team);
    }

    void run(ThreadTeam team, float[] x, int xStride, int batch,
             WeightMatrix m1, float[] out1, int stride1,
             WeightMatrix m2, float[] out2, int stride2) {
        begin(x, xStride, batch);
        add(m1, out1, stride1, 0);
        add(m2, out2, stride2, 0);
        execute(team);
    }

    void run(ThreadTeam team, float[] x, int xStride, int batch,
             WeightMatrix m1, float[] out1, int stride1,
             WeightMatrix m2, float[] out2, int stride2,
             WeightMatrix m3, float[] out3, int stride3) {
        begin(x, xStride, batch);
        add(m1, out1, stride1, 0);
        add(m2, out2, stride2, 0);
        add(m3, out3, stride3, 0);
        execute(team);
    }

    private void begin(float[] x, int xStride, int batch) {
        this.x = x;
        this.xStride = xStride;
        this.batch = batch;
        this.count = 0;
    }

    private void add(WeightMatrix m, float[] out, int outStride, int outOffset) {
        matrices[count] = m;
        outs[count] = out;
        outStrides[count] = outStride;
        outOffsets[count] = outOffset;
        count++;
    }

    private void execute(ThreadTeam team) {
        int rows = 0;
        long cols = 0;
        boolean sameCols = true;
        for (int i = 0; i < count; i++) {
            rows += matrices[i].rows();
            cols = Math.max(cols, matrices[i].cols());
            sameCols &= matrices[i].cols() == matrices[0].cols();
        }
        packed = sameCols && ActivationBatch.suits(batch);
        if (packed) {
            activations.pack(x, xStride, batch, (int) cols);
        }
        team.parallelFor(rows, cols * batch, this);
    }

    /** Global rows [from, to) run over the matrices laid end to end. */
    @Override
    public void run(int member, int from, int to) {
        int base = 0;
        for (int i = 0; i < count && from < to; i++) {
            WeightMatrix m = matrices[i];
            int end = base + m.rows();
            if (from < end) {
                int last = Math.min(to, end);
                if (packed) {
                    m.multiplyRows(from - base, last - base, activations, outs[i], outStrides[i], outOffsets[i],
                            scratch[member]);
                } else {
                    m.multiplyRows(from - base, last - base, x, xStride, batch, outs[i], outStrides[i], outOffsets[i],
                            scratch[member]);
                }
                from = last;
            }
            base = end;
        }
    }
}
