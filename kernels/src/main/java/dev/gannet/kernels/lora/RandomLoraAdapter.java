package dev.gannet.kernels.lora;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random adapters for tests and tools: A ~ N(0, 1/inputs) so A · x keeps the scale of a normalised
 * input, and B ~ N(0, bStd²) non-zero — unlike a freshly initialised adapter (B = 0), whose update
 * would be invisible, these change the logits clearly, so comparisons cannot pass by accident.
 */
public final class RandomLoraAdapter {
    private RandomLoraAdapter() {
    }

    /**
     * An adapter of {@code rank} for the named 2-D tensors of {@code base}, reproducible from {@code seed}.
     */
    public static LoraAdapter forModel(GgufFile base, List<String> targets, int rank, float alpha, float bStd,
                                       long seed) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, not " + rank);
        }
        Random random = new Random(seed);
        Map<String, LoraPair> pairs = new LinkedHashMap<>();
        for (String target : targets) {
            GgufTensorInfo tensor = base.tensor(target);
            if (tensor.dimensions() != 2) {
                throw new IllegalArgumentException(target + " is not a matrix");
            }
            int inputs = (int) tensor.dim(0);
            int outputs = (int) tensor.dim(1);
            float[] a = gaussian(random, rank * inputs, (float) (1 / Math.sqrt(inputs)));
            float[] b = gaussian(random, outputs * rank, bStd);
            pairs.put(target, new LoraPair(target, rank, inputs, outputs, a, b));
        }
        String architecture = base.metadata().getString("general.architecture");
        return new LoraAdapter("random rank-" + rank + " adapter", architecture, alpha, pairs);
    }

    private static float[] gaussian(Random random, int n, float std) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }
}
