package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.Architecture;
import dev.gannet.kernels.arch.Architectures;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.tokenizer.Tokenizer;
import dev.gannet.kernels.lora.AdapterStack;
import dev.gannet.kernels.lora.ScaledLora;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loaded model: the mapped file, its configuration, tokenizer and weights. Loading is a fixed
 * sequence — file → architecture → configuration → tokenizer → weights — and any failure is one
 * exception naming the file and the cause. Close it to unmap the file.
 */
public final class Model implements AutoCloseable {
    private final GgufFile file;
    private final Architecture architecture;
    private final ModelConfig config;
    private final Tokenizer tokenizer;
    private final Transformer transformer;
    /** shared by a model and the adapted views of it: whichever closes first unmaps the file */
    private final AtomicBoolean closed;

    private Model(GgufFile file, Architecture architecture, ModelConfig config, Tokenizer tokenizer,
                  Transformer transformer, AtomicBoolean closed) {
        this.file = file;
        this.closed = closed;
        this.architecture = architecture;
        this.config = config;
        this.tokenizer = tokenizer;
        this.transformer = transformer;
    }

    public static Model load(Path path) {
        return from(GgufReader.open(path));
    }

    /** Builds a model over an already-read file; on failure the file is closed. */
    public static Model from(GgufFile file) {
        try {
            // Compile the kernels this file needs while the rest loads (see KernelWarmup). Only matrices are
            // multiplied; vectors (norms, biases) are read into float arrays once, so a quantized model
            // whose F32 tensors are all norms does not pay for warming the F32 kernel (~0.25 s).
            java.util.EnumSet<dev.gannet.kernels.tensor.GgmlType> types = java.util.EnumSet.noneOf(dev.gannet.kernels.tensor.GgmlType.class);
            file.tensors().stream().filter(t -> t.dimensions() >= 2).forEach(t -> types.add(t.type()));
            dev.gannet.kernels.tensor.Int8Matrix.checkSetting();
            Thread warmup = KernelWarmup.start(types);
            Architecture architecture = Architectures.of(file);
            ModelConfig config = architecture.readConfig(file);
            Tokenizer tokenizer = Tokenizer.fromGguf(file.metadata());
            if (tokenizer.vocabularySize() > config.vocabularySize()) {
                throw new dev.gannet.kernels.gguf.GgufFormatException(file.source(), "the tokenizer has "
                        + tokenizer.vocabularySize() + " tokens but the embedding only " + config.vocabularySize());
            }
            Weights weights = WeightLoader.load(file, config);
            awaitWarmup(warmup);
            return new Model(file, architecture, config, tokenizer, new Transformer(config, weights),
                    new AtomicBoolean());
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static void awaitWarmup(Thread warmup) {
        try {
            warmup.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public GgufFile file() {
        return file;
    }

    public Architecture architecture() {
        return architecture;
    }

    public ModelConfig config() {
        return config;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public Transformer transformer() {
        return transformer;
    }

    /**
     * This model with LoRA adapters applied at run time: each projection an adapter touches adds
     * factor · B · (A · x) to its output (see {@link ScaledLora#factorFor}). The weights are not
     * copied — the result shares this model's mapped file, so closing either closes both. Adapters
     * replace any attached before; an empty list gives the plain model back.
     *
     * @throws dev.gannet.kernels.lora.LoraAdapterException if an adapter does not fit this model
     */
    public Model withAdapters(List<ScaledLora> adapters) {
        Transformer plain = new Transformer(config, transformer.weights());
        if (adapters.isEmpty()) {
            return new Model(file, architecture, config, tokenizer, plain, closed);
        }
        AdapterStack stack = AdapterStack.of(file, adapters);
        ModelLora lora = ModelLora.bind(config, stack, adapters);
        return new Model(file, architecture, config, tokenizer,
                new Transformer(config, transformer.weights(), lora), closed);
    }

    /**
     * A fresh session with its own KV cache of {@code contextSize} positions (capped at the model's),
     * in half precision.
     */
    public InferenceSession newSession(ThreadTeam team, int contextSize) {
        return newSession(team, contextSize, KvCacheType.F16);
    }

    /** A fresh session whose KV cache stores {@code kvType}. */
    public InferenceSession newSession(ThreadTeam team, int contextSize, KvCacheType kvType) {
        int size = Math.min(contextSize, config.contextLength());
        return new InferenceSession(transformer, team, size, InferenceSession.DEFAULT_BATCH, kvType);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            file.close();
        }
    }
}
