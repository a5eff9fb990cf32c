package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;

/**
 * The scratch buffers of the forward pass for batches of up to {@code maxBatch} tokens. Allocated
 * once per session; nothing is allocated per token.
 */
final class ForwardState {
    final int maxBatch;
    /** [batch][dim] the residual stream */
    final float[] x;
    /** [batch][dim] normalised input of a sub-block, written only for adapters and traces (projections normalise their own input) */
    final float[] xb;
    /** [batch][dim] output of a sub-block before the residual add */
    final float[] xb2;
    /** [batch][heads * headDim] */
    final float[] q;
    /** [batch][kvHeads * headDim] */
    final float[] k;
    /** [batch][kvHeads * headDim] */
    final float[] v;
    /** [batch][heads * headDim] attention output, heads side by side */
    final float[] attn;
    /** [batch][hiddenDim] gate, then act(gate) * up (the gated projection writes the latter directly) */
    final float[] hb;
    /** [batch][hiddenDim] up, on its way into hb */
    final float[] hb2;
    /** multiplies an input by one to three matrices as one parallel job */
    final Projection projection;
    /** adds attached adapters' updates to projection outputs; null without adapters */
    final LoraProjection lora;
    /** attention over the cache */
    final Attention attention;
    /** the profile the passes add their steps' times to, or null (the usual case: nothing timed) */
    ForwardProfile profile;
    /**
     * [rows][vocab] the output projection's rows: one row (the last token's) unless a forward pass
     * asks for every token's logits, when {@link #logits(int)} grows it. A [maxBatch][vocab] array
     * from the start would be 12.6 MB for SmolLM2 (vocab 49152, batch 64) that generation never uses.
     */
    float[] logits;
    /** RoPE's cos and sin for the batch's positions, for global and for sliding-window layers */
    final RopeTable globalRope;
    final RopeTable localRope;

    ForwardState(ModelConfig c, int maxBatch, int teamSize, int loraRank) {
        this.maxBatch = maxBatch;
        x = new float[maxBatch * c.dim()];
        xb = new float[maxBatch * c.dim()];
        xb2 = new float[maxBatch * c.dim()];
        q = new float[maxBatch * c.queryDim()];
        k = new float[maxBatch * c.kvDim()];
        v = new float[maxBatch * c.kvDim()];
        attn = new float[maxBatch * c.queryDim()];
        hb = new float[maxBatch * c.hiddenDim()];
        hb2 = new float[maxBatch * c.hiddenDim()];
        projection = new Projection(teamSize);
        lora = loraRank > 0 ? new LoraProjection(maxBatch, loraRank) : null;
        attention = new Attention(c, teamSize);
        logits = new float[c.vocabularySize()];
        globalRope = new RopeTable(maxBatch, c.rope().dimensions() / 2);
        localRope = new RopeTable(maxBatch, c.rope().dimensions() / 2);
    }

    /** {@link #logits}, made room for {@code rows} rows of {@code vocab} logits first. */
    float[] logits(int rows, int vocab) {
        if (logits.length < rows * vocab) {
            logits = new float[rows * vocab];
        }
        return logits;
    }
}
