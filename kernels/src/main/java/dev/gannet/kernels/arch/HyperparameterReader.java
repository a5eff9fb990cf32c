package dev.gannet.kernels.arch;

import dev.gannet.kernels.gguf.GgufArray;
import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufFormatException;
import dev.gannet.kernels.gguf.GgufMetadata;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import java.util.OptionalDouble;

/**
 * Reads the {@code <arch>.*} metadata keys every supported architecture shares, validating each, and
 * assembles a {@link ModelConfig}. An architecture changes what differs (features, window pattern,
 * scales) through the setters before {@link #build()}.
 */
public final class HyperparameterReader {
    /** No real model has more; a larger value is a corrupt file, not a model. */
    private static final int MAX_LAYERS = 1024;
    private static final int MAX_WIDTH = 1 << 20;

    private final GgufFile file;
    private final GgufMetadata meta;
    private final String prefix;
    private final String architecture;
    private final ArchitectureFeatures features;

    private final int dim;
    private final int hiddenDim;
    private final int layers;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final int vocabularySize;
    private final int contextLength;
    private final float rmsEps;
    private final int ropeDimensions;
    private final float ropeBase;
    private float ropeLocalBase;
    private final float positionScale;
    private float localPositionScale;
    private float attentionScale;
    private final float attnSoftcap;
    private final float finalSoftcap;
    private int slidingWindow;
    private boolean[] slidingLayers;

    public HyperparameterReader(GgufFile file, String architecture, ArchitectureFeatures features) {
        this.file = file;
        this.meta = file.metadata();
        this.architecture = architecture;
        this.prefix = architecture + ".";
        this.features = features;

        dim = positive("embedding_length", meta.getInt(prefix + "embedding_length"), MAX_WIDTH);
        layers = positive("block_count", meta.getInt(prefix + "block_count"), MAX_LAYERS);
        hiddenDim = positive("feed_forward_length", uniformInt("feed_forward_length", -1), MAX_WIDTH * 4);
        heads = positive("attention.head_count", uniformInt("attention.head_count", -1), MAX_WIDTH);
        kvHeads = positive("attention.head_count_kv", uniformInt("attention.head_count_kv", heads), heads);
        if (heads % kvHeads != 0) {
            throw invalid("attention.head_count " + heads + " is not a multiple of head_count_kv " + kvHeads);
        }
        if (!meta.contains(prefix + "attention.key_length") && dim % heads != 0) {
            throw invalid("embedding_length " + dim + " is not a multiple of head_count " + heads);
        }
        headDim = positive("attention.key_length",
                meta.findInt(prefix + "attention.key_length").orElse(dim / heads), MAX_WIDTH);
        int valueDim = meta.findInt(prefix + "attention.value_length").orElse(headDim);
        if (valueDim != headDim) {
            throw invalid("attention.value_length " + valueDim + " differs from key_length " + headDim
                    + " (not supported)");
        }
        contextLength = positive("context_length", meta.getInt(prefix + "context_length"), Integer.MAX_VALUE);
        rmsEps = meta.getFloat(prefix + "attention.layer_norm_rms_epsilon");
        if (!(rmsEps > 0 && rmsEps < 1)) {
            throw invalid("attention.layer_norm_rms_epsilon " + rmsEps + " is not a small positive number");
        }
        ropeDimensions = positive("rope.dimension_count",
                meta.findInt(prefix + "rope.dimension_count").orElse(headDim), headDim);
        if (ropeDimensions % 2 != 0) {
            throw invalid("rope.dimension_count " + ropeDimensions + " is odd");
        }
        ropeBase = (float) meta.findDouble(prefix + "rope.freq_base").orElse(10000.0);
        if (!(ropeBase > 1)) {
            throw invalid("rope.freq_base " + ropeBase + " must be greater than 1");
        }
        ropeLocalBase = ropeBase;
        positionScale = ropePositionScale();
        localPositionScale = positionScale;
        attentionScale = (float) (1.0 / Math.sqrt(headDim));
        attnSoftcap = (float) meta.findDouble(prefix + "attn_logit_softcapping").orElse(0.0);
        finalSoftcap = (float) meta.findDouble(prefix + "final_logit_softcapping").orElse(0.0);
        slidingLayers = new boolean[layers];

        GgufTensorInfo embedding = file.tensor(TensorNames.TOKEN_EMBEDDING);
        if (embedding.dimensions() != 2 || embedding.dim(0) != dim) {
            throw invalid("token_embd.weight has shape " + java.util.Arrays.toString(embedding.shape())
                    + ", expected [" + dim + ", n_vocab]");
        }
        vocabularySize = positive("token_embd.weight rows", (int) Math.min(Integer.MAX_VALUE, embedding.dim(1)), Integer.MAX_VALUE - 1);
    }

    public GgufMetadata metadata() {
        return meta;
    }

    public String key(String suffix) {
        return prefix + suffix;
    }

    public int layers() {
        return layers;
    }

    public int headDim() {
        return headDim;
    }

    public int dim() {
        return dim;
    }

    public int heads() {
        return heads;
    }

    /** Sliding-window attention on the layers for which {@code pattern[layer]} is true. */
    public HyperparameterReader slidingWindow(int window, boolean[] pattern) {
        if (window <= 0) {
            throw invalid("attention.sliding_window " + window + " must be positive");
        }
        this.slidingWindow = window;
        this.slidingLayers = pattern.clone();
        return this;
    }

    /** RoPE of sliding-window layers, when it differs from the global layers'. */
    public HyperparameterReader localRope(float base, float positionScale) {
        this.ropeLocalBase = base;
        this.localPositionScale = positionScale;
        return this;
    }

    public HyperparameterReader attentionScale(float scale) {
        this.attentionScale = scale;
        return this;
    }

    public ModelConfig build() {
        RopeConfig rope = new RopeConfig(features.ropeStyle(), ropeDimensions, ropeBase, ropeLocalBase, positionScale,
                localPositionScale);
        return new ModelConfig(architecture, dim, hiddenDim, layers, heads, kvHeads, headDim, vocabularySize,
                contextLength, rmsEps, rope, attentionScale, attnSoftcap, finalSoftcap, slidingWindow,
                slidingLayers, features);
    }

    public GgufFormatException invalid(String problem) {
        return new GgufFormatException(file.source(), architecture + ": " + problem);
    }

    private float ropePositionScale() {
        String type = meta.findString(prefix + "rope.scaling.type").orElse("none");
        OptionalDouble factor = meta.findDouble(prefix + "rope.scaling.factor");
        OptionalDouble legacyLinear = meta.findDouble(prefix + "rope.scale_linear");
        return switch (type) {
            case "none" -> legacyLinear.isPresent() && legacyLinear.getAsDouble() > 0
                    ? (float) (1.0 / legacyLinear.getAsDouble()) : 1.0f;
            case "linear" -> {
                double f = factor.orElse(1.0);
                if (!(f > 0)) {
                    throw invalid("rope.scaling.factor " + f + " must be positive");
                }
                yield (float) (1.0 / f);
            }
            default -> throw invalid("RoPE scaling '" + type + "' is not supported (none and linear are)");
        };
    }

    /** An integer that may be stored per layer as an array; Gannet needs all layers equal. */
    private int uniformInt(String suffix, int fallback) {
        String key = prefix + suffix;
        if (!meta.contains(key)) {
            if (fallback < 0) {
                throw meta.missing(key);
            }
            return fallback;
        }
        if (meta.find(key).orElseThrow() instanceof GgufArray) {
            int[] perLayer = meta.findIntArray(key).orElseThrow();
            if (perLayer.length == 0) {
                throw invalid(suffix + " is an empty array");
            }
            for (int v : perLayer) {
                if (v != perLayer[0]) {
                    throw invalid(suffix + " differs between layers (not supported)");
                }
            }
            return perLayer[0];
        }
        return meta.getInt(key);
    }

    private int positive(String what, int value, int max) {
        if (value <= 0 || value > max) {
            throw invalid(what + " = " + value + " is out of range (1.." + max + ")");
        }
        return value;
    }
}
