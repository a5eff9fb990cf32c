package dev.gannet.kernels.lora;

import dev.gannet.kernels.tensor.VectorMath;
import java.util.List;

/**
 * The update of one base weight by every attached adapter together: ΔW = Σ factor_i · B_i · A_i,
 * held as one stacked pair so that applying it costs one pass whatever the number of adapters.
 * Stacking the A's row-wise and the factor-scaled B's column-wise gives exactly that sum.
 *
 * <p>A view may cover a band of the output rows: Phi-3's fused {@code attn_qkv} and gate+up
 * tensors are split into Q, K, V (gate, up) by rows, and so is their update.
 */
public final class LoraDelta {
    private final int rank;
    private final int inputs;
    private final int outputs;
    /** [rank][inputs] the stacked A's */
    private final float[] a;
    /** [rank][outputs] the stacked B's, transposed and multiplied by each adapter's factor */
    private final float[] scaledBt;
    private final int firstRow;
    private final int rows;

    private LoraDelta(int rank, int inputs, int outputs, float[] a, float[] scaledBt, int firstRow, int rows) {
        this.rank = rank;
        this.inputs = inputs;
        this.outputs = outputs;
        this.a = a;
        this.scaledBt = scaledBt;
        this.firstRow = firstRow;
        this.rows = rows;
    }

    /** The sum of the given adapters' updates of one tensor; each pair already checked against it. */
    static LoraDelta stack(List<ScaledLora> adapters, List<LoraPair> pairs) {
        int inputs = pairs.getFirst().inputs();
        int outputs = pairs.getFirst().outputs();
        int rank = pairs.stream().mapToInt(LoraPair::rank).sum();
        float[] a = new float[rank * inputs];
        float[] scaledBt = new float[rank * outputs];
        int r0 = 0;
        for (int p = 0; p < pairs.size(); p++) {
            LoraPair pair = pairs.get(p);
            float factor = adapters.get(p).factorFor(pair);
            System.arraycopy(pair.a(), 0, a, r0 * inputs, pair.rank() * inputs);
            for (int o = 0; o < outputs; o++) {
                for (int r = 0; r < pair.rank(); r++) {
                    scaledBt[(r0 + r) * outputs + o] = factor * pair.b()[o * pair.rank() + r];
                }
            }
            r0 += pair.rank();
        }
        return new LoraDelta(rank, inputs, outputs, a, scaledBt, 0, outputs);
    }

    /** The update of output rows [first, first + count) only. */
    public LoraDelta rows(int first, int count) {
        if (first < 0 || count < 1 || first + count > rows) {
            throw new IllegalArgumentException("rows " + first + "+" + count + " outside " + rows);
        }
        return new LoraDelta(rank, inputs, outputs, a, scaledBt, firstRow + first, count);
    }

    public int rank() {
        return rank;
    }

    public int inputs() {
        return inputs;
    }

    public int rows() {
        return rows;
    }

    /**
     * out[outOffset + i] += (ΔW · x)[i] for this view's rows: u = A · x, then out += Bᵀ-scaled · u.
     *
     * @param u [rank] the caller's scratch, overwritten
     */
    public void addTo(float[] x, int xOffset, float[] out, int outOffset, float[] u, int uOffset) {
        for (int r = 0; r < rank; r++) {
            u[uOffset + r] = VectorMath.dot(a, r * inputs, x, xOffset, inputs);
        }
        for (int r = 0; r < rank; r++) {
            VectorMath.axpy(u[uOffset + r], scaledBt, r * outputs + firstRow, out, outOffset, rows);
        }
    }

    /** Adds ΔW into a dequantized weight, [rows][inputs] row-major: what fusing does. */
    public void addToWeight(float[] w) {
        if (w.length != rows * inputs) {
            throw new IllegalArgumentException(w.length + " weights, expected " + rows + "×" + inputs);
        }
        for (int o = 0; o < rows; o++) {
            for (int r = 0; r < rank; r++) {
                VectorMath.axpy(scaledBt[r * outputs + firstRow + o], a, r * inputs, w, o * inputs, inputs);
            }
        }
    }
}
