package dev.gannet.kernels.lora;

import dev.gannet.kernels.arch.TensorNames;
import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufFormatException;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether an adapter was made for a base model: the same architecture, and every tensor it adapts
 * present in the base with the shape the pair implies — the checks llama.cpp makes, with messages
 * that say which tensor and why.
 */
public final class LoraCompatibility {
    private LoraCompatibility() {
    }

    public static void check(LoraAdapter adapter, GgufFile base) {
        String baseArchitecture = base.metadata().findString("general.architecture").orElse("(missing)");
        if (!adapter.architecture().equals(baseArchitecture)) {
            throw new LoraAdapterException(adapter.source(), "the adapter is for architecture "
                    + GgufFormatException.quote(adapter.architecture()) + " but the model " + base.source()
                    + " is " + GgufFormatException.quote(baseArchitecture));
        }
        for (LoraPair pair : adapter.pairs().values()) {
            // llama.cpp stores token_embd's pair flipped (it looks rows up rather than multiplying);
            // Gannet does not apply those.
            if (pair.target().equals(TensorNames.TOKEN_EMBEDDING)) {
                throw new LoraAdapterException(adapter.source(), "adapts " + TensorNames.TOKEN_EMBEDDING
                        + ", which Gannet does not support; adapters of the projections and output.weight work");
            }
            Optional<GgufTensorInfo> found = base.findTensor(pair.target());
            if (found.isEmpty()) {
                throw new LoraAdapterException(adapter.source(), "adapts tensor " + GgufFormatException.quote(pair.target())
                        + ", which the model " + base.source() + " does not have (an adapter for another model?)");
            }
            GgufTensorInfo tensor = found.get();
            if (tensor.dimensions() != 2 || tensor.dim(0) != pair.inputs() || tensor.dim(1) != pair.outputs()) {
                throw new LoraAdapterException(adapter.source(), "tensor " + GgufFormatException.quote(pair.target())
                        + " is " + Arrays.toString(tensor.shape()) + " in the model but the adapter's B·A is ["
                        + pair.inputs() + ", " + pair.outputs() + "] (an adapter for another model?)");
            }
        }
    }
}
