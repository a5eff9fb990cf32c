package dev.gannet.kernels.cuda;

import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a model on the GPU: checks what the CUDA path supports, then hands over to
 * {@link CudaSession}, which uploads the weights and runs the per-layer task lists.
 *
 * <p>STATUS: built and unit-tested without a GPU (bindings, shapes, PTX); NOT YET RUN ON A GPU.
 * docs/gpu.md says how it will be measured and compared with the CPU.
 */
public final class CudaBackend {
    private CudaBackend() {
    }

    public static CudaSession open(Model model, int contextSize) {
        List<String> unsupported = unsupported(model.config());
        if (!unsupported.isEmpty()) {
            throw new UnsupportedOperationException("the CUDA backend does not yet support "
                    + String.join(", ", unsupported) + " (" + model.architecture().name() + "); use --device cpu");
        }
        return CudaSession.open(CudaContext.open(CudaDriver.load(), 0), model, contextSize);
    }

    /** Architecture features the kernels do not cover yet, by name; empty when the model can run. */
    static List<String> unsupported(ModelConfig config) {
        ArchitectureFeatures f = config.features();
        List<String> missing = new ArrayList<>();
        if (f.queryKeyNorm()) {
            missing.add("QK-norm");
        }
        if (f.postNorms()) {
            missing.add("post-norms");
        }
        if (config.attnSoftcap() > 0) {
            missing.add("attention soft-capping");
        }
        if (config.finalSoftcap() > 0) {
            missing.add("logit soft-capping");
        }
        if (config.headDim() > 256) {
            missing.add("heads wider than 256");
        }
        return missing;
    }
}
