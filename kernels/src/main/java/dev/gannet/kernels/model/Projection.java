package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.Activation;
import dev.gannet.kernels.tensor.ActivationBatch;
import dev.gannet.kernels.tensor.RmsNorm;
import dev.gannet.kernels.tensor.TensorKernel;
import dev.gannet.kernels.tensor.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * One input multiplied by up to three matrices as a single parallel job — Q, K and V of a layer —
 * so the team forks and joins once for all of them; or by the FFN's gate and up as a paired job
 * that also applies the gate activation. A long-lived object per session: setting its fields and
 * running it allocates nothing (but for growing its buffers the first time a longer prompt comes).
 *
 * <p>A job is described step by step and then run:
 * <pre>
 * projection.input(x, 0, dim, count).normalized(w.attnNorm(), eps)
 *         .into(w.wq(), q, qDim, 0).into(w.wk(), k, kvDim, 0).into(w.wv(), v, kvDim, 0).run(team);
 * </pre>
 *
 * <p><b>Input.</b> A batch of {@link ActivationBatch#MIN_TOKENS} or more tokens is packed once,
 * before the team forks, into the interleaved layout of the tiled kernel; smaller batches (decode)
 * are read in place. With {@link #normalized} the input is the un-normalised residual and the
 * projection applies the RMSNorm itself: a packed batch is normalised token by token while it is
 * packed (one pass over x, no normalised copy written and read back); a small batch is normalised
 * into this object's own buffer before the fork. Either way the floats are {@link RmsNorm}'s, the
 * same as the forward pass's separate norm.
 *
 * <p><b>Gated output.</b> {@link #gated} makes the work items hidden rows: a member takes a range of
 * rows, computes those rows of gate and of up for every token of the batch, then at once writes
 * act(gate)·up over the gate rows of its range. The activation is spread over the team with the
 * multiply instead of running on the calling thread after it.
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
    /** the gate activation of a gated job (matrices 0 and 1 are gate and up), or null */
    private Activation activation;
    private float[] x;
    private int xOffset;
    private int xStride;
    private int batch;
    /** [cols] the RMSNorm weight to apply to the input, or null */
    private float[] normWeight;
    private float normEps;
    /** [batch][cols] the normalised input of a small batch; grown on demand */
    private float[] normalized = new float[0];
    /** the input packed for the tiled kernel; used when {@link #packed} */
    private final ActivationBatch activations = new ActivationBatch();
    private boolean packed;

    Projection(int teamSize) {
        scratch = new float[teamSize][TensorKernel.SCRATCH_FLOATS];
    }

    void run(ThreadTeam team, float[] x, int xStride, int batch, WeightMatrix m, float[] out, int outStride,
             int outOffset) {
        input(x, 0, xStride, batch).into(m, out, outStride, outOffset).run(team);
    }

    void run(ThreadTeam team, float[] x, int xStride, int batch,
             WeightMatrix m1, float[] out1, int stride1,
             WeightMatrix m2, float[] out2, int stride2) {
        input(x, 0, xStride, batch).into(m1, out1, stride1, 0).into(m2, out2, stride2, 0).run(team);
    }

    void run(ThreadTeam team, float[] x, int xStride, int batch,
             WeightMatrix m1, float[] out1, int stride1,
             WeightMatrix m2, float[] out2, int stride2,
             WeightMatrix m3, float[] out3, int stride3) {
        input(x, 0, xStride, batch).into(m1, out1, stride1, 0).into(m2, out2, stride2, 0).into(m3, out3, stride3, 0)
                .run(team);
    }

    /**
     * Starts a job on rows {@code x[xOffset + t * xStride ..]}, t &lt; batch. An offset other than 0
     * needs {@link #normalized} (the kernels read the input from its start).
     */
    Projection input(float[] x, int xOffset, int xStride, int batch) {
        this.x = x;
        this.xOffset = xOffset;
        this.xStride = xStride;
        this.batch = batch;
        this.count = 0;
        this.activation = null;
        this.normWeight = null;
        return this;
    }

    /** The input is RMS-normalised with {@code weight} and {@code eps} before it is multiplied. */
    Projection normalized(float[] weight, float eps) {
        this.normWeight = weight;
        this.normEps = eps;
        return this;
    }

    /** out[t * outStride + outOffset + r] = m[r] · x_t. */
    Projection into(WeightMatrix m, float[] out, int outStride, int outOffset) {
        if (activation != null || count == MAX_MATRICES) {
            throw new IllegalStateException("no room for " + m.name() + " in this projection");
        }
        matrices[count] = m;
        outs[count] = out;
        outStrides[count] = outStride;
        outOffsets[count] = outOffset;
        count++;
        return this;
    }

    /**
     * The paired FFN job: out[t * stride + r] = act(gate[r] · x_t) · (up[r] · x_t), with
     * {@code upOut} (same shape) holding the up products on the way. The only output of its job.
     */
    Projection gated(WeightMatrix gate, WeightMatrix up, float[] out, float[] upOut, int stride, Activation act) {
        if (count != 0 || gate.rows() != up.rows() || gate.cols() != up.cols()) {
            throw new IllegalStateException("a gated projection pairs two matrices of one shape, alone: "
                    + gate + ", " + up);
        }
        into(gate, out, stride, 0);
        into(up, upOut, stride, 0);
        this.activation = act;
        return this;
    }

    void run(ThreadTeam team) {
        int rows = 0;
        long cols = 0;
        boolean sameCols = true;
        for (int i = 0; i < count; i++) {
            rows += matrices[i].rows();
            cols = Math.max(cols, matrices[i].cols());
            sameCols &= matrices[i].cols() == matrices[0].cols();
        }
        if (normWeight != null && !sameCols) {
            throw new IllegalStateException("a normalised input needs matrices of one width");
        }
        packed = sameCols && ActivationBatch.suits(batch);
        if (packed && normWeight != null) {
            activations.packNormalized(x, xOffset, xStride, batch, (int) cols, normWeight, normEps);
        } else if (packed) {
            requireNoOffset();
            activations.pack(x, xStride, batch, (int) cols);
        } else if (normWeight != null) {
            int width = (int) cols;
            if (normalized.length < batch * width) {
                normalized = new float[batch * width];
            }
            for (int t = 0; t < batch; t++) {
                int in = xOffset + t * xStride;
                RmsNorm.apply(normalized, t * width, x, in, normWeight, 0, RmsNorm.scale(x, in, width, normEps), width);
            }
            x = normalized;
            xOffset = 0;
            xStride = width;
        } else {
            requireNoOffset();
        }
        if (activation != null) {
            // Work items are the hidden rows; each does a row of gate and a row of up.
            team.parallelFor(matrices[0].rows(), 2 * cols * batch, this);
        } else {
            team.parallelFor(rows, cols * batch, this);
        }
    }

    private void requireNoOffset() {
        if (xOffset != 0) {
            throw new IllegalStateException("an input offset needs the normalising prologue");
        }
    }

    /** Global rows [from, to): of the matrices laid end to end, or of the gated pair. */
    @Override
    public void run(int member, int from, int to) {
        if (activation != null) {
            multiply(0, from, to, member);
            multiply(1, from, to, member);
            float[] gate = outs[0];
            float[] up = outs[1];
            int stride = outStrides[0];
            for (int t = 0; t < batch; t++) {
                gate(gate, up, t * stride + from, to - from, activation);
            }
            return;
        }
        int base = 0;
        for (int i = 0; i < count && from < to; i++) {
            int end = base + matrices[i].rows();
            if (from < end) {
                int last = Math.min(to, end);
                multiply(i, from - base, last - base, member);
                from = last;
            }
            base = end;
        }
    }

    private void multiply(int i, int rowFrom, int rowTo, int member) {
        if (packed) {
            matrices[i].multiplyRows(rowFrom, rowTo, activations, outs[i], outStrides[i], outOffsets[i], scratch[member]);
        } else {
            matrices[i].multiplyRows(rowFrom, rowTo, x, xStride, batch, outs[i], outStrides[i], outOffsets[i],
                    scratch[member]);
        }
    }

    /**
     * gate[i] = act(gate[i]) · up[i] for i in [offset, offset + n). SiLU runs on the vector exp for
     * every element, the last partial vector under a mask, so an element's result does not depend on
     * where a range starts or ends (the fused and the unfused passes agree); other activations scalar.
     */
    static void gate(float[] gate, float[] up, int offset, int n, Activation activation) {
        int end = offset + n;
        if (activation == Activation.SILU) {
            VectorSpecies<Float> species = VectorMath.species();
            int i = offset;
            for (; i + species.length() <= end; i += species.length()) {
                FloatVector g = FloatVector.fromArray(species, gate, i);
                VectorMath.silu(g).mul(FloatVector.fromArray(species, up, i)).intoArray(gate, i);
            }
            if (i < end) {
                VectorMask<Float> mask = species.indexInRange(i, end);
                FloatVector g = FloatVector.fromArray(species, gate, i, mask);
                VectorMath.silu(g).mul(FloatVector.fromArray(species, up, i, mask)).intoArray(gate, i, mask);
            }
            return;
        }
        for (int i = offset; i < end; i++) {
            gate[i] = activation.apply(gate[i]) * up[i];
        }
    }
}
