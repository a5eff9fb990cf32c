package dev.gannet.bench.jmh;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufWriter;
import dev.gannet.kernels.model.ThreadTeam;
import dev.gannet.kernels.model.WeightMatrix;
import dev.gannet.kernels.tensor.GgmlType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One matrix × vector product (batch 1: what a decode step does for every weight) through
 * {@link WeightMatrix#multiply}, for one tensor type and one team size. The matrix is synthetic:
 * seeded Gaussian values written with {@link GgufWriter} (which quantizes them to the type) and read
 * back memory-mapped with {@link GgufReader}, exactly as a model's weights are.
 *
 * <p>The score is microseconds per product; {@link KernelBenchmarks} turns it into GB/s of weights
 * streamed ({@link #weightBytes} / time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatVecBenchmark {

    /** Tensor type name ({@link GgmlType}). */
    @Param({"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K"})
    public String type;

    /** Compute threads; 1 is the single-thread variant. */
    @Param({"1"})
    public int threads;

    /** Output rows of the matrix. */
    @Param({"4096"})
    public int rows;

    /** Columns: the length of x; a multiple of 256 so every block type fits. */
    @Param({"4096"})
    public int cols;

    private Path file;
    private GgufFile gguf;
    private WeightMatrix matrix;
    private ThreadTeam team;
    private float[] x;
    private float[] out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        GgmlType ggmlType = GgmlType.valueOf(type);
        SplittableRandom random = new SplittableRandom(0x6A77E7L + ggmlType.id());
        float[] values = new float[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.02);
        }
        file = Files.createTempFile("gannet-matvec-" + type + "-", ".gguf");
        new GgufWriter().addTensor("w", ggmlType, new long[] {cols, rows}, values).write(file);
        gguf = GgufReader.open(file);
        matrix = WeightMatrix.of(gguf.tensor("w"));
        team = new ThreadTeam(threads);
        x = new float[cols];
        for (int i = 0; i < cols; i++) {
            x[i] = (float) random.nextGaussian();
        }
        out = new float[rows];
    }

    @Benchmark
    public float[] multiply() {
        matrix.multiply(team, x, cols, 1, out, rows, 0);
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        team.close();
        gguf.close();
        Files.deleteIfExists(file);
    }

    /** Bytes of weights one product reads: the whole matrix in its stored type. */
    public static long weightBytes(GgmlType type, int rows, int cols) {
        return type.bytesFor((long) rows * cols);
    }
}
