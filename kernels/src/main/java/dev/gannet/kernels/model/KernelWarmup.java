package dev.gannet.kernels.model;

import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.Quantizer;
import dev.gannet.kernels.tensor.TensorKernel;
import dev.gannet.kernels.tensor.TensorKernels;
import dev.gannet.kernels.tensor.VectorMath;
import java.lang.foreign.MemorySegment;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs the kernels a model will use on small synthetic matrices, on a background thread while the
 * model loads, so that the JIT has compiled them before the first prompt arrives. Vector API code
 * is fast only once C2 has compiled it; run cold, the first prompt would take seconds.
 */
final class KernelWarmup {
    private static final int ROWS = 8;
    private static final int COLS = 512;
    /** Enough single-token calls for C2 to compile the decode kernels (its threshold is ~10k loop trips). */
    private static final int DECODE_CALLS = 1_500;
    private static final int PREFILL_CALLS = 300;
    private static final int PREFILL_TOKENS = 8;

    /**
     * Types already warmed in this JVM. Compiled code belongs to the JVM, not to a model, so this one
     * piece of process-wide state mirrors the JIT's own.
     */
    private static final Set<GgmlType> WARMED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private KernelWarmup() {
    }

    /** Starts warming the kernels of {@code types} not warmed before; join the returned thread. */
    static Thread start(Set<GgmlType> types) {
        java.util.EnumSet<GgmlType> fresh = java.util.EnumSet.noneOf(GgmlType.class);
        for (GgmlType type : types) {
            if (type.supportsCompute() && WARMED.add(type)) {
                fresh.add(type);
            }
        }
        Thread thread = new Thread(() -> warm(fresh), "gannet-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    /**
     * The bytes as a memory-mapped file, the kind of segment real weights are: warming on heap
     * segments would teach the JIT the wrong segment class and make the hot call sites polymorphic.
     */
    private static MemorySegment mapped(byte[] bytes) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("gannet-warmup", ".bin");
            try {
                java.nio.file.Files.write(file, bytes);
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
                    return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, bytes.length,
                            java.lang.foreign.Arena.ofAuto()).asReadOnly();
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (java.io.IOException e) {
            // No temporary directory: warm on the heap rather than not at all.
            return MemorySegment.ofArray(bytes).asReadOnly();
        }
    }

    private static void warm(Set<GgmlType> types) {
        if (types.isEmpty()) {
            return;
        }
        SplittableRandom random = new SplittableRandom(1);
        float[] weights = new float[ROWS * COLS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextDouble(-1, 1);
        }
        float[] x = new float[PREFILL_TOKENS * COLS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        float[] out = new float[PREFILL_TOKENS * ROWS];
        float[] scratch = new float[TensorKernel.SCRATCH_FLOATS];
        for (GgmlType type : types) {
            if (!type.supportsCompute()) {
                continue;
            }
            TensorKernel kernel = TensorKernels.of(type);
            MemorySegment data = mapped(Quantizer.quantize(type, weights));
            for (int i = 0; i < DECODE_CALLS; i++) {
                kernel.multiply(data, 0, COLS, 0, ROWS, x, COLS, 1, out, ROWS, 0, scratch);
            }
            for (int i = 0; i < PREFILL_CALLS; i++) {
                kernel.multiply(data, 0, COLS, 0, ROWS, x, COLS, PREFILL_TOKENS, out, ROWS, 0, scratch);
            }
        }
        // Attention's inner loops.
        for (int i = 0; i < DECODE_CALLS * 4; i++) {
            float s = VectorMath.dot(x, 0, x, 64, 64);
            VectorMath.axpy(s * 1e-6f, x, 0, out, 0, Math.min(64, out.length));
        }
    }
}
