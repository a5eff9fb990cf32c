package dev.gannet.bench.jmh;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufWriter;
import dev.gannet.kernels.model.WeightMatrix;
import dev.gannet.kernels.tensor.GgmlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A seeded Gaussian weight matrix [rows][cols] (σ 0.02) quantized to a type by {@link GgufWriter} and
 * read back memory-mapped, as {@link MatVecBenchmark} builds it: the int8 experiments and their test
 * use the same bytes as the float kernels they are compared with.
 */
final class SyntheticMatrix implements AutoCloseable {
    private final Path file;
    private final GgufFile gguf;
    private final WeightMatrix matrix;

    private SyntheticMatrix(Path file, GgufFile gguf, WeightMatrix matrix) {
        this.file = file;
        this.gguf = gguf;
        this.matrix = matrix;
    }

    static SyntheticMatrix create(GgmlType type, int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.02);
        }
        try {
            Path file = Files.createTempFile("gannet-int8-" + type + "-", ".gguf");
            new GgufWriter().addTensor("w", type, new long[] {cols, rows}, values).write(file);
            GgufFile gguf = GgufReader.open(file);
            return new SyntheticMatrix(file, gguf, WeightMatrix.of(gguf.tensor("w")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the synthetic " + type + " matrix", e);
        }
    }

    /** Seeded Gaussian activations (σ 1), [tokens][cols]. */
    static float[] activations(int tokens, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[Math.multiplyExact(tokens, cols)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    WeightMatrix matrix() {
        return matrix;
    }

    @Override
    public void close() {
        gguf.close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
