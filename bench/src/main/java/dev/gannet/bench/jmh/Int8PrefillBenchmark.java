package dev.gannet.bench.jmh;

import dev.gannet.kernels.model.WeightMatrix;
import dev.gannet.kernels.tensor.ActivationBatch;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.TensorKernel;
import java.lang.foreign.MemorySegment;
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
 * Issue 3's question for prefill, where the work is compute-bound: a batch of tokens × one Q8_0
 * matrix on the calling thread. {@code floatKernel} is the engine's path — the batch packed into an
 * {@link ActivationBatch} (once per projection, timed here) and {@code TiledMultiply}'s 4×4 register
 * tiles over weights decoded to floats; {@code int8} quantizes the batch (timed) and runs
 * {@link Int8Q8_0#multiplyBatch}'s 4×4 tiles of 16-bit products folded in pairs.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/gannet.jar
 * org.openjdk.jmh.Main Int8PrefillBenchmark}.
 *
 * <p>Measured (same machine as {@link Int8MatVecBenchmark}): int8 at 0.34–0.53× the float path's
 * speed. Per 32 products of a (row, token) pair the float tile pays two FMAs; the int8 tile pays a
 * multiply, a three-operation fold, a conversion, a scale broadcast and an FMA.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Int8PrefillBenchmark {

    /** rows x cols of the matrix. */
    @Param({"576x1536"})
    public String shape;

    /** Tokens in the batch. */
    @Param({"64"})
    public int tokens;

    private int rows;
    private int cols;
    private SyntheticMatrix fixture;
    private WeightMatrix matrix;
    private MemorySegment bytes;
    private float[] x;
    private float[] out;
    private float[] scratch;
    private ActivationBatch batch;
    private Q8Activations activations;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split("x");
        rows = Integer.parseInt(parts[0]);
        cols = Integer.parseInt(parts[1]);
        if (!Int8Q8_0.runsHere() || !ActivationBatch.suits(tokens)) {
            throw new IllegalStateException("the tiled kernels need 8 or more float lanes and "
                    + ActivationBatch.MIN_TOKENS + " or more tokens");
        }
        fixture = SyntheticMatrix.create(GgmlType.Q8_0, rows, cols, 0x1A78L);
        matrix = fixture.matrix();
        bytes = matrix.bytes();
        x = SyntheticMatrix.activations(tokens, cols, 0x7E57L);
        out = new float[tokens * rows];
        scratch = new float[TensorKernel.SCRATCH_FLOATS];
        batch = new ActivationBatch();
        activations = new Q8Activations();
    }

    @Benchmark
    public float[] floatKernel() {
        batch.pack(x, cols, tokens, cols);
        matrix.multiplyRows(0, rows, batch, out, rows, 0, scratch);
        return out;
    }

    @Benchmark
    public float[] int8() {
        activations.quantize(x, cols, tokens, cols);
        Int8Q8_0.multiplyBatch(bytes, rows, activations, out, rows);
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }
}
