package dev.gannet.kernels.model;

import static dev.gannet.kernels.arch.TensorNames.*;

import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.TensorNames;
import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufFormatException;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import java.util.Arrays;

/**
 * Finds every tensor a model needs by its GGUF name, checks its shape against the configuration and
 * its type against what the engine computes with, and wraps it. A missing or misshapen tensor is a
 * {@link GgufFormatException} naming it.
 */
public final class WeightLoader {
    private final GgufFile file;
    private final ModelConfig config;

    private WeightLoader(GgufFile file, ModelConfig config) {
        this.file = file;
        this.config = config;
    }

    public static Weights load(GgufFile file, ModelConfig config) {
        return new WeightLoader(file, config).load();
    }

    private Weights load() {
        int dim = config.dim();
        WeightMatrix embedding = matrix(TOKEN_EMBEDDING, config.vocabularySize(), dim);
        LayerWeights[] layers = new LayerWeights[config.layers()];
        for (int layer = 0; layer < layers.length; layer++) {
            layers[layer] = layer(layer);
        }
        float[] outputNorm = vector(OUTPUT_NORM, dim);
        // Models that tie the output projection to the embedding ship no output.weight.
        WeightMatrix output = file.findTensor(OUTPUT).isPresent()
                ? matrix(OUTPUT, config.vocabularySize(), dim) : embedding;
        float[] ropeFactors = file.findTensor(ROPE_FREQUENCIES).isPresent()
                ? vector(ROPE_FREQUENCIES, config.rope().dimensions() / 2) : null;
        return new Weights(embedding, layers, outputNorm, output, ropeFactors);
    }

    private LayerWeights layer(int layer) {
        ArchitectureFeatures f = config.features();
        int dim = config.dim();
        int qDim = config.queryDim();
        int kvDim = config.kvDim();
        int hidden = config.hiddenDim();
        int headDim = config.headDim();

        WeightMatrix wq;
        WeightMatrix wk;
        WeightMatrix wv;
        if (f.fusedQkv()) {
            GgufTensorInfo qkv = shaped(block(layer, ATTN_QKV), qDim + 2 * kvDim, dim);
            wq = WeightMatrix.rowsOf(qkv, 0, qDim);
            wk = WeightMatrix.rowsOf(qkv, qDim, kvDim);
            wv = WeightMatrix.rowsOf(qkv, qDim + kvDim, kvDim);
        } else {
            wq = matrix(block(layer, ATTN_Q), qDim, dim);
            wk = matrix(block(layer, ATTN_K), kvDim, dim);
            wv = matrix(block(layer, ATTN_V), kvDim, dim);
        }
        WeightMatrix wGate;
        WeightMatrix wUp;
        if (f.fusedGateUp()) {
            GgufTensorInfo gateUp = shaped(block(layer, FFN_UP), 2 * hidden, dim);
            wGate = WeightMatrix.rowsOf(gateUp, 0, hidden);
            wUp = WeightMatrix.rowsOf(gateUp, hidden, hidden);
        } else {
            wGate = matrix(block(layer, FFN_GATE), hidden, dim);
            wUp = matrix(block(layer, FFN_UP), hidden, dim);
        }
        return new LayerWeights(
                vector(block(layer, ATTN_NORM), dim),
                wq, wk, wv,
                f.attentionBias() ? vector(block(layer, ATTN_Q_BIAS), qDim) : null,
                f.attentionBias() ? vector(block(layer, ATTN_K_BIAS), kvDim) : null,
                f.attentionBias() ? vector(block(layer, ATTN_V_BIAS), kvDim) : null,
                f.queryKeyNorm() ? vector(block(layer, ATTN_Q_NORM), headDim) : null,
                f.queryKeyNorm() ? vector(block(layer, ATTN_K_NORM), headDim) : null,
                matrix(block(layer, ATTN_OUTPUT), dim, qDim),
                f.postNorms() ? vector(block(layer, ATTN_POST_NORM), dim) : null,
                vector(block(layer, FFN_NORM), dim),
                wGate, wUp,
                matrix(block(layer, FFN_DOWN), dim, hidden),
                f.postNorms() ? vector(block(layer, FFN_POST_NORM), dim) : null);
    }

    private static String block(int layer, String name) {
        return TensorNames.block(layer, name);
    }

    /** A 2-D tensor stored as [rows][cols] (ggml shape {cols, rows}) in a type the engine computes with. */
    private GgufTensorInfo shaped(String name, int rows, int cols) {
        GgufTensorInfo tensor = file.tensor(name);
        if (tensor.dimensions() != 2 || tensor.dim(0) != cols || tensor.dim(1) != rows) {
            throw new GgufFormatException(file.source(), "tensor '" + name + "' has shape "
                    + Arrays.toString(tensor.shape()) + ", expected [" + cols + ", " + rows + "]");
        }
        requireComputable(tensor);
        return tensor;
    }

    private WeightMatrix matrix(String name, int rows, int cols) {
        return WeightMatrix.of(shaped(name, rows, cols));
    }

    /** A 1-D tensor of {@code length} elements, read into a float array. */
    private float[] vector(String name, int length) {
        GgufTensorInfo tensor = file.tensor(name);
        if (tensor.elementCount() != length || tensor.dim(0) != length) {
            throw new GgufFormatException(file.source(), "tensor '" + name + "' has shape "
                    + Arrays.toString(tensor.shape()) + ", expected [" + length + "]");
        }
        requireComputable(tensor);
        float[] values = new float[length];
        WeightMatrix.of(tensor).dequantizeRow(0, values, 0);
        return values;
    }

    private void requireComputable(GgufTensorInfo tensor) {
        if (!tensor.type().supportsCompute()) {
            throw new GgufFormatException(file.source(), "tensor '" + tensor.name() + "' is of type "
                    + tensor.type() + ", which Gannet cannot compute with yet");
        }
    }
}
