package dev.gannet.kernels.lora;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.kernels.gguf.GgufWriter;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.TensorKernels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Folds adapters into a model's weights: W' = W + Σ factor · B · A for every adapted tensor
 * (dequantized to F32, updated, quantized again), every other tensor carried over. The result is an
 * ordinary model file that runs without the adapters.
 *
 * <p>Without a target type, adapted tensors keep their own type and the rest are copied byte for
 * byte. With one, every 2-D weight is stored in it (1-D norms stay F32, as llama.cpp's quantizer
 * leaves them); a weight whose rows do not divide into the type's blocks falls back to Q8_0, or F16
 * when even that does not fit — listed in the summary.
 */
public final class LoraFuser {
    /** Metadata key naming the adapters a fused file was made with. */
    public static final String FUSED_ADAPTERS = "gannet.lora.fused";

    /** What was written: how many tensors were updated, and the weights stored in a fallback type. */
    public record Summary(int fusedTensors, int tensors, List<String> fallbacks) {
    }

    private LoraFuser() {
    }

    /**
     * @param type the type of every 2-D weight in the output, or null to keep the base's types
     */
    public static Summary fuse(GgufFile base, List<ScaledLora> adapters, GgmlType type, Path out) throws IOException {
        if (adapters.isEmpty()) {
            throw new IllegalArgumentException("nothing to fuse: no adapters given");
        }
        if (type != null && !TensorKernels.supported().contains(type)) {
            throw new IllegalArgumentException("Gannet cannot write tensors of type " + type);
        }
        AdapterStack stack = AdapterStack.of(base, adapters);
        GgufWriter writer = new GgufWriter().putAll(base.metadata());
        if (type != null) {
            // The base's file type no longer describes the tensors.
            writer.remove("general.file_type");
        }
        writer.putString(FUSED_ADAPTERS, adapters.stream()
                .map(a -> a.adapter().source() + " × " + a.scale()).collect(Collectors.joining(", ")));
        List<String> fallbacks = new ArrayList<>();
        for (GgufTensorInfo tensor : base.tensors()) {
            LoraDelta delta = stack.deltas().get(tensor.name());
            GgmlType target = targetType(tensor, type, fallbacks);
            if (delta == null && target == tensor.type()) {
                writer.addTensor(tensor.name(), tensor.type(), tensor.shape(), tensor.data());
                continue;
            }
            float[] weights = new float[Math.toIntExact(tensor.elementCount())];
            TensorKernels.of(tensor.type()).dequantize(tensor.data(), 0, weights, 0, weights.length);
            if (delta != null) {
                delta.addToWeight(weights);
            }
            writer.addTensor(tensor.name(), target, tensor.shape(), weights);
        }
        writer.write(out);
        return new Summary(stack.deltas().size(), base.tensors().size(), List.copyOf(fallbacks));
    }

    private static GgmlType targetType(GgufTensorInfo tensor, GgmlType requested, List<String> fallbacks) {
        if (requested == null || tensor.dimensions() != 2) {
            return tensor.type();
        }
        long rowLength = tensor.rowLength();
        if (rowLength % requested.blockSize() == 0) {
            return requested;
        }
        GgmlType fallback = rowLength % GgmlType.Q8_0.blockSize() == 0 ? GgmlType.Q8_0 : GgmlType.F16;
        fallbacks.add(tensor.name() + " → " + fallback + " (rows of " + rowLength + " do not divide into "
                + requested + " blocks of " + requested.blockSize() + ")");
        return fallback;
    }
}
