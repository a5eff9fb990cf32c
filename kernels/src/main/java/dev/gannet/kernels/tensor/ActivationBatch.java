package dev.gannet.kernels.tensor;

/**
 * A batch of activation rows (one per token) repacked for the tiled multiply: tokens in groups of
 * {@link #GROUP}, and within a group the columns in runs of {@link VectorMath#LANES} with the
 * group's tokens interleaved run by run.
 *
 * <pre>
 * data[group][column run][token in group][lane]    // [ceil(tokens/4)][paddedCols/LANES][4][LANES]
 * </pre>
 *
 * So the four tokens' values for one column run are four consecutive vector loads, and a tile walks
 * the array front to back. Columns past {@code cols} (up to a whole run) and tokens past
 * {@code tokens} (up to a whole group) are zeros. Reused between calls: packing allocates only when
 * a batch is larger than any before.
 */
public final class ActivationBatch {
    /** Tokens per group: the tile's width in tokens. */
    public static final int GROUP = 4;
    /** From this many tokens on the tiled multiply pays for the packing; fewer keep the row-by-row path. */
    public static final int MIN_TOKENS = 8;

    /** [groups][paddedCols / LANES][GROUP][LANES] */
    private float[] data = new float[0];
    private int tokens;
    private int cols;
    private int paddedCols;

    /** Packs rows {@code x[t * xStride .. + cols)} for t in [0, tokens). */
    public void pack(float[] x, int xStride, int tokens, int cols) {
        pack(x, 0, xStride, tokens, cols, null, 0f);
    }

    /**
     * Packs the RMSNorm of rows {@code x[xOffset + t * xStride .. + cols)} for t in [0, tokens),
     * each token normalised as it is copied ({@link RmsNorm}'s arithmetic, so the floats equal a
     * norm written out first and packed after): one pass over the rows instead of two.
     *
     * @param weight [cols] the norm's weight
     */
    public void packNormalized(float[] x, int xOffset, int xStride, int tokens, int cols, float[] weight, float eps) {
        KernelArgs.checkArray("weight", weight, 0, cols);
        pack(x, xOffset, xStride, tokens, cols, weight, eps);
    }

    private void pack(float[] x, int xOffset, int xStride, int tokens, int cols, float[] weight, float eps) {
        if (tokens < 0 || cols < 0) {
            throw new IllegalArgumentException("bad batch: " + tokens + " tokens of " + cols + " columns");
        }
        if (tokens > 0) {
            KernelArgs.checkArray("x", x, xOffset + (tokens - 1) * xStride, cols);
        }
        int lanes = VectorMath.LANES;
        int padded = (cols + lanes - 1) / lanes * lanes;
        int groups = (tokens + GROUP - 1) / GROUP;
        int size = Math.multiplyExact(groups * GROUP, padded);
        if (data.length < size) {
            data = new float[size];
        }
        this.tokens = tokens;
        this.cols = cols;
        this.paddedCols = padded;
        int whole = cols / lanes * lanes;
        for (int t = 0; t < groups * GROUP; t++) {
            int base = (t / GROUP) * GROUP * padded + (t % GROUP) * lanes;
            if (t >= tokens) {
                for (int c = 0; c < padded; c += lanes) {
                    java.util.Arrays.fill(data, base + c * GROUP, base + c * GROUP + lanes, 0f);
                }
                continue;
            }
            int row = xOffset + t * xStride;
            float scale = weight == null ? 1f : RmsNorm.scale(x, row, cols, eps);
            if (weight == null) {
                for (int c = 0; c < whole; c += lanes) {
                    System.arraycopy(x, row + c, data, base + c * GROUP, lanes);
                }
            } else {
                for (int c = 0; c < whole; c += lanes) {
                    RmsNorm.apply(data, base + c * GROUP, x, row + c, weight, c, scale, lanes);
                }
            }
            if (whole < padded) {
                int at = base + whole * GROUP;
                if (weight == null) {
                    System.arraycopy(x, row + whole, data, at, cols - whole);
                } else {
                    RmsNorm.apply(data, at, x, row + whole, weight, whole, scale, cols - whole);
                }
                java.util.Arrays.fill(data, at + cols - whole, at + lanes, 0f);
            }
        }
    }

    /** Whether a batch of {@code tokens} should take the tiled path here (it needs 8 or more float lanes). */
    public static boolean suits(int tokens) {
        return tokens >= MIN_TOKENS && VectorMath.FUSED;
    }

    public int tokens() {
        return tokens;
    }

    public int cols() {
        return cols;
    }

    /** Columns rounded up to whole vector runs: the row length of the packed layout. */
    int paddedCols() {
        return paddedCols;
    }

    /** The packed floats, laid out as the class comment says. */
    float[] data() {
        return data;
    }

    /** Index of the first float of token group {@code group} at column {@code col} (a multiple of LANES). */
    int index(int group, int col) {
        return group * GROUP * paddedCols + col * GROUP;
    }
}
