package dev.gannet.kernels.model;

import dev.gannet.kernels.tensor.ActivationBatch;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.Quantizer;
import dev.gannet.kernels.tensor.TensorKernel;
import dev.gannet.kernels.tensor.VectorMath;
import java.lang.foreign.MemorySegment;
import java.util.Set;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

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
    /** A short batch: the row-by-row path (fewer than {@link ActivationBatch#MIN_TOKENS} tokens). */
    private static final int SHORT_BATCH_TOKENS = 4;
    /** A prompt-sized batch: the packed, register-tiled path. */
    private static final int LONG_BATCH_TOKENS = 80;
    private static final int LONG_BATCH_CALLS = 100;

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
        float[] x = new float[LONG_BATCH_TOKENS * COLS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        ActivationBatch batch = new ActivationBatch();
        batch.pack(x, COLS, LONG_BATCH_TOKENS, COLS);
        float[] out = new float[LONG_BATCH_TOKENS * ROWS];
        float[] scratch = new float[TensorKernel.SCRATCH_FLOATS];
        for (GgmlType type : types) {
            if (!type.supportsCompute()) {
                continue;
            }
            // Through a WeightMatrix, as the model multiplies: a repacked type warms its repacked kernel.
            WeightMatrix matrix = WeightMatrix.of("warm-up " + type, type, mapped(Quantizer.quantize(type, weights)),
                    ROWS, COLS);
            for (int i = 0; i < DECODE_CALLS; i++) {
                matrix.multiplyRows(0, ROWS, x, COLS, 1, out, ROWS, 0, scratch);
            }
            for (int i = 0; i < PREFILL_CALLS; i++) {
                matrix.multiplyRows(0, ROWS, x, COLS, SHORT_BATCH_TOKENS, out, ROWS, 0, scratch);
            }
            if (ActivationBatch.suits(LONG_BATCH_TOKENS)) {
                for (int i = 0; i < LONG_BATCH_CALLS; i++) {
                    matrix.multiplyRows(0, ROWS, batch, out, ROWS, 0, scratch);
                    // A remainder row (rows not a multiple of four) as a team member's share can have.
                    matrix.multiplyRows(1, ROWS, batch, out, ROWS, 0, scratch);
                }
            }
        }
        // Attention's inner loops, and the vector exp of softmax and SiLU.
        VectorSpecies<Float> species = VectorMath.species();
        for (int i = 0; i < DECODE_CALLS * 4; i++) {
            float s = VectorMath.dot(x, 0, x, 64, 64);
            VectorMath.axpy(s * 1e-6f, x, 0, out, 0, Math.min(64, out.length));
            for (int j = 0; j + species.length() <= 64; j += species.length()) {
                VectorMath.silu(VectorMath.exp(FloatVector.fromArray(species, x, j))).intoArray(out, j);
            }
        }
    }
}
