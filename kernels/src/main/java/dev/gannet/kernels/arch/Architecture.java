package dev.gannet.kernels.arch;

import dev.gannet.kernels.gguf.GgufFile;

/**
 * One model architecture: the name GGUF gives it in {@code general.architecture} and how its
 * hyperparameters are read. Tensor names are common to all (see {@link TensorNames}); which
 * optional tensors exist follows from {@link ArchitectureFeatures}.
 */
public interface Architecture {
    String name();

    ArchitectureFeatures features();

    /** Reads and validates the hyperparameters; throws {@link dev.gannet.kernels.gguf.GgufFormatException}. */
    ModelConfig readConfig(GgufFile file);
}
