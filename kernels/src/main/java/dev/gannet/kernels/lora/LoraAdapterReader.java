package dev.gannet.kernels.lora;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufFormatException;
import dev.gannet.kernels.gguf.GgufMetadata;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.kernels.tensor.TensorKernels;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a llama.cpp LoRA adapter: metadata {@code general.type = adapter}, {@code adapter.type = lora},
 * {@code adapter.lora.alpha}; tensors {@code <base name>.lora_a} of ggml shape {inputs, rank} and
 * {@code <base name>.lora_b} of shape {rank, outputs}. Checks everything that can be checked without
 * the base model (the rest is {@link LoraCompatibility}'s job) and copies A and B out as floats.
 */
final class LoraAdapterReader {
    /** Norm vectors some converters add; llama.cpp ignores them, and so do we. */
    private static final String IGNORED_SUFFIX = "_norm.weight";

    private final GgufFile file;
    private final String source;

    private LoraAdapterReader(GgufFile file) {
        this.file = file;
        this.source = file.source();
    }

    static LoraAdapter read(Path path) {
        try (GgufFile file = GgufReader.open(path)) {
            return new LoraAdapterReader(file).read();
        } catch (GgufFormatException e) {
            throw new LoraAdapterException(e.source(), "not a readable LoRA adapter: " + e.problem());
        }
    }

    private LoraAdapter read() {
        GgufMetadata metadata = file.metadata();
        String generalType = metadata.findString(LoraAdapter.GENERAL_TYPE).orElse("(missing)");
        if (!generalType.equals("adapter")) {
            throw fail("not an adapter: general.type is " + GgufFormatException.quote(generalType)
                    + ", expected 'adapter' (is this a model file?)");
        }
        String adapterType = metadata.findString(LoraAdapter.ADAPTER_TYPE).orElse("(missing)");
        if (!adapterType.equals("lora")) {
            throw fail("adapter.type is " + GgufFormatException.quote(adapterType) + ", only 'lora' is supported");
        }
        String architecture = metadata.findString("general.architecture")
                .orElseThrow(() -> fail("general.architecture is missing"));
        float alpha = (float) metadata.findDouble(LoraAdapter.ALPHA).orElse(0);
        return new LoraAdapter(source, architecture, alpha, pairs());
    }

    private Map<String, LoraPair> pairs() {
        Map<String, GgufTensorInfo> as = new LinkedHashMap<>();
        Map<String, GgufTensorInfo> bs = new LinkedHashMap<>();
        for (GgufTensorInfo tensor : file.tensors()) {
            String name = tensor.name();
            if (name.endsWith(LoraAdapter.SUFFIX_A)) {
                as.put(stripSuffix(name), tensor);
            } else if (name.endsWith(LoraAdapter.SUFFIX_B)) {
                bs.put(stripSuffix(name), tensor);
            } else if (!name.endsWith(IGNORED_SUFFIX)) {
                throw fail("tensor " + GgufFormatException.quote(name) + " is neither a .lora_a nor a .lora_b tensor");
            }
        }
        if (as.isEmpty() && bs.isEmpty()) {
            throw fail("the adapter has no .lora_a/.lora_b tensors");
        }
        Map<String, LoraPair> pairs = new LinkedHashMap<>();
        for (String target : as.keySet()) {
            if (!bs.containsKey(target)) {
                throw fail("tensor " + GgufFormatException.quote(target + LoraAdapter.SUFFIX_A) + " has no matching .lora_b");
            }
            pairs.put(target, pair(target, as.get(target), bs.get(target)));
        }
        for (String target : bs.keySet()) {
            if (!as.containsKey(target)) {
                throw fail("tensor " + GgufFormatException.quote(target + LoraAdapter.SUFFIX_B) + " has no matching .lora_a");
            }
        }
        return pairs;
    }

    private LoraPair pair(String target, GgufTensorInfo a, GgufTensorInfo b) {
        if (a.dimensions() != 2 || b.dimensions() != 2) {
            throw fail("the pair for " + GgufFormatException.quote(target) + " is not two matrices: A "
                    + Arrays.toString(a.shape()) + ", B " + Arrays.toString(b.shape()));
        }
        // A is {inputs, rank} and B {rank, outputs}: the rank is A's ne[1] and B's ne[0].
        if (a.dim(1) != b.dim(0)) {
            throw fail("the pair for " + GgufFormatException.quote(target) + " has A " + Arrays.toString(a.shape())
                    + " and B " + Arrays.toString(b.shape()) + ": A's ne[1] must equal B's ne[0] (the rank)"
                    + " (adapters from llama.cpp's old finetune example stored A transposed)");
        }
        long rank = a.dim(1);
        if (rank < 1 || a.elementCount() > Integer.MAX_VALUE || b.elementCount() > Integer.MAX_VALUE) {
            throw fail("the pair for " + GgufFormatException.quote(target) + " has an unusable shape: A "
                    + Arrays.toString(a.shape()) + ", B " + Arrays.toString(b.shape()));
        }
        return new LoraPair(target, (int) rank, (int) a.dim(0), (int) b.dim(1), floats(a), floats(b));
    }

    private float[] floats(GgufTensorInfo tensor) {
        if (!tensor.type().supportsCompute()) {
            throw fail("tensor " + GgufFormatException.quote(tensor.name()) + " is of type " + tensor.type()
                    + ", which Gannet cannot read yet");
        }
        float[] values = new float[(int) tensor.elementCount()];
        TensorKernels.of(tensor.type()).dequantize(tensor.data(), 0, values, 0, values.length);
        return values;
    }

    private static String stripSuffix(String name) {
        return name.substring(0, name.length() - LoraAdapter.SUFFIX_A.length());
    }

    private LoraAdapterException fail(String problem) {
        return new LoraAdapterException(source, problem);
    }
}
