package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeStyle;
import dev.gannet.kernels.tensor.RmsNorm;

/**
 * The forward pass shared by every architecture: tokens in, keys and values into the cache,
 * logits out. One method reads top to bottom; the differences between architectures are the
 * {@link ArchitectureFeatures} checks in it.
 *
 * <p>A batch of tokens (prefill) goes through every weight matrix once as matrix × matrix; one
 * token (decode) is the same code with a batch of one, so both give the same logits.
 */
public final class Transformer {
    private final ModelConfig config;
    private final Weights weights;
    /** [ropeDims / 2] angle per position of each rotated pair, for global layers */
    private final float[] globalFrequencies;
    /** [ropeDims / 2] the same for sliding-window layers */
    private final float[] localFrequencies;
    /** attached LoRA adapters, or null: the plain model does no adapter work at all */
    private final ModelLora lora;

    public Transformer(ModelConfig config, Weights weights) {
        this(config, weights, null);
    }

    Transformer(ModelConfig config, Weights weights, ModelLora lora) {
        this.config = config;
        this.weights = weights;
        this.lora = lora;
        this.globalFrequencies = ropeFrequencies(false);
        this.localFrequencies = ropeFrequencies(true);
    }

    public ModelConfig config() {
        return config;
    }

    public Weights weights() {
        return weights;
    }

    /** [ropeDims / 2] the angle per position of each rotated pair, a copy: what a GPU backend uploads. */
    public float[] ropeFrequencyTable(boolean slidingLayer) {
        return (slidingLayer ? localFrequencies : globalFrequencies).clone();
    }

    /** The largest stacked rank of the attached adapters, 0 without adapters. */
    int loraRank() {
        return lora == null ? 0 : lora.maxRank();
    }

    /**
     * Evaluates {@code count} tokens at positions {@code start, start + 1, …}; with {@code allLogits}
     * the logits of every token are left in {@code state.logits} as [count][vocab], otherwise only
     * the last token's, as row 0.
     */
    void forward(ThreadTeam team, ForwardState s, KvCache cache, int[] tokens, int offset, int count, int start,
                 boolean allLogits, ForwardTrace trace) {
        ModelConfig c = config;
        ArchitectureFeatures f = c.features();
        int dim = c.dim();
        int qDim = c.queryDim();
        int kvDim = c.kvDim();
        int hidden = c.hiddenDim();
        float eps = c.rmsEps();
        // The projections normalise their input themselves (RMSNorm fused into the next matrix).
        // Where adapters or a trace read the norm, it is written to s.xb instead and the projections
        // read it from there (the same arithmetic, done once).
        boolean keepNorms = lora != null || trace != ForwardTrace.NONE;
        // Profiling, when a session asked for it: each step's wall time, taken on this thread.
        ForwardProfile profile = s.profile;
        long passStart = profile == null ? 0 : System.nanoTime();
        long lap = passStart;

        // Token embeddings, scaled by sqrt(dim) where the architecture was trained so.
        for (int t = 0; t < count; t++) {
            weights.tokenEmbedding().dequantizeRow(tokens[offset + t], s.x, t * dim);
            if (f.scaleEmbeddings()) {
                scale(s.x, t * dim, dim, (float) Math.sqrt(dim));
            }
        }

        // cos and sin of every rotated pair at every position of the batch, filled by the first layer
        // of each kind (global, sliding) that needs them and shared by all heads of all layers.
        s.globalRope.invalidate();
        s.localRope.invalidate();
        for (int layer = 0; layer < c.layers(); layer++) {
            LayerWeights w = weights.layers()[layer];
            LayerLora l = lora == null ? null : lora.layers()[layer];
            boolean sliding = c.isSliding(layer);
            lap = profile == null ? 0 : System.nanoTime();

            // Attention: normalise, project to Q, K, V (plus biases).
            if (keepNorms) {
                rmsNorm(s.xb, s.x, w.attnNorm(), count, dim);
                trace(trace, "attn_norm", layer, start, s.xb, count, dim);
            }
            normalizedInput(s, keepNorms, 0, count, w.attnNorm(), eps)
                    .into(w.wq(), s.q, qDim, 0).into(w.wk(), s.k, kvDim, 0).into(w.wv(), s.v, kvDim, 0)
                    .run(team);
            if (l != null) {
                s.lora.run(team, l.wq(), s.xb, dim, count, s.q, qDim);
                s.lora.run(team, l.wk(), s.xb, dim, count, s.k, kvDim);
                s.lora.run(team, l.wv(), s.xb, dim, count, s.v, kvDim);
            }
            lap = profile == null ? 0 : profile.lap(ForwardProfile.Step.QKV, lap);
            if (f.attentionBias()) {
                addBias(s.q, w.bq(), count);
                addBias(s.k, w.bk(), count);
                addBias(s.v, w.bv(), count);
            }
            // QK-norm: every head of Q and K normalised on its own, before RoPE.
            if (f.queryKeyNorm()) {
                rmsNorm(s.q, s.q, w.qNorm(), count * c.heads(), c.headDim());
                rmsNorm(s.k, s.k, w.kNorm(), count * c.kvHeads(), c.headDim());
            }
            // Rotary position embedding of Q and K; then K and V go into the cache.
            RopeTable table = sliding ? s.localRope : s.globalRope;
            table.fillOnce(sliding ? localFrequencies : globalFrequencies, start, count);
            for (int t = 0; t < count; t++) {
                int position = start + t;
                rope(s.q, t * qDim, c.heads(), table, t);
                if (trace == ForwardTrace.NONE) {
                    ropeKeysIntoCache(cache, layer, position, s.k, t * kvDim, table, t);
                    cache.storeValues(layer, position, s.v, t * kvDim);
                } else {
                    // A trace reads the rotated keys from s.k, so they are rotated in place first.
                    rope(s.k, t * kvDim, c.kvHeads(), table, t);
                    cache.store(layer, position, s.k, t * kvDim, s.v, t * kvDim);
                }
            }
            trace(trace, "q_rope", layer, start, s.q, count, qDim);
            trace(trace, "k_rope", layer, start, s.k, count, kvDim);
            lap = profile == null ? 0 : profile.lap(ForwardProfile.Step.ROPE_KV, lap);

            // Causal (and, on sliding layers, windowed) attention of every query head.
            s.attention.run(team, cache, layer, s.q, s.attn, count, start, sliding);
            trace(trace, "kqv_out", layer, start, s.attn, count, qDim);
            lap = profile == null ? 0 : profile.lap(ForwardProfile.Step.ATTENTION, lap);

            // Output projection, optional post-norm, residual add.
            s.projection.run(team, s.attn, qDim, count, w.wo(), s.xb2, dim, 0);
            if (l != null) {
                s.lora.run(team, l.wo(), s.attn, qDim, count, s.xb2, dim);
            }
            lap = profile == null ? 0 : profile.lap(ForwardProfile.Step.ATTN_OUTPUT, lap);
            if (f.postNorms()) {
                rmsNorm(s.xb2, s.xb2, w.attnPostNorm(), count, dim);
            }
            add(s.x, s.xb2, count * dim);
            trace(trace, "ffn_inp", layer, start, s.x, count, dim);

            // Gated feed-forward: down(act(gate(x)) * up(x)), optional post-norm, residual add. Each
            // member applies the activation to its own rows of gate and up as soon as it has them.
            if (keepNorms) {
                rmsNorm(s.xb, s.x, w.ffnNorm(), count, dim);
            }
            lap = profile == null ? 0 : System.nanoTime();
            normalizedInput(s, keepNorms, 0, count, w.ffnNorm(), eps);
            if (l == null) {
                s.projection.gated(w.wGate(), w.wUp(), s.hb, s.hb2, hidden, f.activation()).run(team);
            } else {
                // Adapters add their deltas to gate and up before the activation, so with adapters
                // the two are projected as plain outputs and the activation runs afterwards.
                s.projection.into(w.wGate(), s.hb, hidden, 0).into(w.wUp(), s.hb2, hidden, 0).run(team);
                s.lora.run(team, l.wGate(), s.xb, dim, count, s.hb, hidden);
                s.lora.run(team, l.wUp(), s.xb, dim, count, s.hb2, hidden);
                Projection.gate(s.hb, s.hb2, 0, count * hidden, f.activation());
            }
            lap = profile == null ? 0 : profile.lap(ForwardProfile.Step.FFN_GATE_UP, lap);
            s.projection.run(team, s.hb, hidden, count, w.wDown(), s.xb2, dim, 0);
            if (l != null) {
                s.lora.run(team, l.wDown(), s.hb, hidden, count, s.xb2, dim);
            }
            if (profile != null) {
                profile.lap(ForwardProfile.Step.FFN_DOWN, lap);
            }
            if (f.postNorms()) {
                rmsNorm(s.xb2, s.xb2, w.ffnPostNorm(), count, dim);
            }
            add(s.x, s.xb2, count * dim);
            trace(trace, "l_out", layer, start, s.x, count, dim);
        }

        // Final norm and the output projection, for every token or only the last.
        int first = allLogits ? 0 : count - 1;
        int rows = count - first;
        lap = profile == null ? 0 : System.nanoTime();
        if (keepNorms) {
            RmsNorm.rows(s.xb, 0, s.x, first * dim, weights.outputNorm(), eps, rows, dim);
            trace(trace, "result_norm", -1, start + first, s.xb, rows, dim);
        }
        int vocab = c.vocabularySize();
        float[] logits = s.logits(rows, vocab);
        normalizedInput(s, keepNorms, first * dim, rows, weights.outputNorm(), eps)
                .into(weights.output(), logits, vocab, 0).run(team);
        if (lora != null) {
            s.lora.run(team, lora.output(), s.xb, dim, rows, logits, vocab);
        }
        if (c.finalSoftcap() > 0) {
            softcap(logits, rows * vocab, c.finalSoftcap());
        }
        if (profile != null) {
            profile.pass(passStart, profile.lap(ForwardProfile.Step.OUTPUT, lap));
        }
    }

    /** Rotates the first ropeDims dimensions of each of {@code heads} heads starting at {@code base}, for row t of the table. */
    private void rope(float[] x, int base, int heads, RopeTable table, int t) {
        int headDim = config.headDim();
        int pairs = table.pairs();
        int row = t * pairs;
        float[] cosines = table.cos;
        float[] sines = table.sin;
        boolean neox = config.rope().style() == RopeStyle.NEOX;
        for (int h = 0; h < heads; h++) {
            int headBase = base + h * headDim;
            for (int i = 0; i < pairs; i++) {
                float cos = cosines[row + i];
                float sin = sines[row + i];
                // NORMAL rotates adjacent pairs; NEOX pairs dimension i with i + ropeDims/2.
                int a = neox ? headBase + i : headBase + 2 * i;
                int b = neox ? headBase + i + pairs : headBase + 2 * i + 1;
                float x0 = x[a];
                float x1 = x[b];
                x[a] = x0 * cos - x1 * sin;
                x[b] = x0 * sin + x1 * cos;
            }
        }
    }

    /**
     * RoPE and the KV write fused: the keys of one token ([kvHeads * headDim] at {@code base}) rotated
     * as {@link #rope} does and written straight into the cache, without writing the rotated keys back
     * to {@code k} for the cache to read again. Dimensions past the rotated ones go in unchanged.
     */
    private void ropeKeysIntoCache(KvCache cache, int layer, int position, float[] k, int base, RopeTable table,
                                   int t) {
        int headDim = config.headDim();
        int pairs = table.pairs();
        int row = t * pairs;
        boolean neox = config.rope().style() == RopeStyle.NEOX;
        for (int h = 0; h < config.kvHeads(); h++) {
            int headBase = base + h * headDim;
            for (int i = 0; i < pairs; i++) {
                float cos = table.cos[row + i];
                float sin = table.sin[row + i];
                int a = neox ? i : 2 * i;
                int b = neox ? i + pairs : 2 * i + 1;
                float x0 = k[headBase + a];
                float x1 = k[headBase + b];
                cache.storeKey(layer, position, h, a, x0 * cos - x1 * sin);
                cache.storeKey(layer, position, h, b, x0 * sin + x1 * cos);
            }
            for (int d = 2 * pairs; d < headDim; d++) {
                cache.storeKey(layer, position, h, d, k[headBase + d]);
            }
        }
    }

    /** Angle per unit position of each rotated pair: scale * base^(-2i/d) / factor_i. */
    private float[] ropeFrequencies(boolean slidingLayer) {
        int pairs = config.rope().dimensions() / 2;
        float[] frequencies = new float[pairs];
        double base = config.rope().base(slidingLayer);
        double scale = config.rope().positionScale(slidingLayer);
        float[] factors = weights.ropeFrequencyFactors();
        for (int i = 0; i < pairs; i++) {
            double frequency = scale * Math.pow(base, -2.0 * i / config.rope().dimensions());
            if (factors != null) {
                frequency /= factors[i];
            }
            frequencies[i] = (float) frequency;
        }
        return frequencies;
    }

    /** RMSNorm of {@code rows} rows of {@code width}: x / sqrt(mean(x²) + eps) * weight; out may be x. */
    /**
     * The projection's input: the residual s.x from {@code offset}, normalised by the projection
     * (fused), or, when {@code inXb}, the norm already written to s.xb from 0.
     */
    private Projection normalizedInput(ForwardState s, boolean inXb, int offset, int rows, float[] weight, float eps) {
        int dim = config.dim();
        return inXb ? s.projection.input(s.xb, 0, dim, rows)
                : s.projection.input(s.x, offset, dim, rows).normalized(weight, eps);
    }

    private void rmsNorm(float[] out, float[] x, float[] weight, int rows, int width) {
        RmsNorm.rows(out, 0, x, 0, weight, config.rmsEps(), rows, width);
    }

    private static void addBias(float[] x, float[] bias, int rows) {
        int width = bias.length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < width; i++) {
                x[r * width + i] += bias[i];
            }
        }
    }

    private static void add(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            x[i] += y[i];
        }
    }

    private static void scale(float[] x, int offset, int n, float factor) {
        for (int i = offset; i < offset + n; i++) {
            x[i] *= factor;
        }
    }

    private static void softcap(float[] x, int n, float cap) {
        for (int i = 0; i < n; i++) {
            x[i] = cap * (float) Math.tanh(x[i] / cap);
        }
    }

    private static void trace(ForwardTrace trace, String name, int layer, int start, float[] data, int rows, int width) {
        if (trace == ForwardTrace.NONE) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            trace.record(name, layer, start + r, data, r * width, width);
        }
    }
}
