package dev.gannet.kernels.lora;

/**
 * The low-rank update of one base weight W [outputs][inputs]: ΔW = B · A, applied to an input x as
 * B · (A · x). Held as floats whatever type the file stored them in; adapters are small.
 *
 * @param target  the base tensor it updates, e.g. {@code blk.0.attn_q.weight}
 * @param rank    r
 * @param inputs  columns of W (ggml ne[0])
 * @param outputs rows of W (ggml ne[1])
 * @param a       [rank][inputs]
 * @param b       [outputs][rank]
 */
public record LoraPair(String target, int rank, int inputs, int outputs, float[] a, float[] b) {
    public LoraPair {
        if ((long) rank * inputs != a.length || (long) outputs * rank != b.length) {
            throw new IllegalArgumentException(target + ": A holds " + a.length + " and B " + b.length
                    + " values, not " + rank + "×" + inputs + " and " + outputs + "×" + rank);
        }
    }

    /** ggml shape of the {@code .lora_a} tensor, innermost first. */
    public long[] shapeA() {
        return new long[] {inputs, rank};
    }

    /** ggml shape of the {@code .lora_b} tensor, innermost first. */
    public long[] shapeB() {
        return new long[] {rank, outputs};
    }
}
