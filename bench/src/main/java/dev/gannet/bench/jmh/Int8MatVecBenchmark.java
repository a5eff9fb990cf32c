package dev.gannet.bench.jmh;

import dev.gannet.kernels.model.WeightMatrix;
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
 * Issue 3's question for decode: one Q8_0 matrix × one vector on the calling thread, the engine's
 * float kernel ({@link WeightMatrix#multiplyRows}, what {@code Projection} calls per thread) against
 * 8-bit activations with integer products ({@link Int8Q8_0}) on the same bytes. The int8 timings
 * include quantizing x ({@link Q8Activations#quantize}), which a matvec pays once.
 *
 * <ul>
 *   <li>{@code floatKernel}: weights decoded to floats in registers, float FMA with x;
 *   <li>{@code int8Bytes}: x as int8, both operands widened to 16 bits, products widened to ints (S2I
 *       parts 0 and 1) — issue 3's recipe;
 *   <li>{@code int8ShortsWiden}: x kept as int16, only the weights widened, same fold;
 *   <li>{@code int8ShortsPairs}: x kept as int16, products folded in pairs in place
 *       ({@link Int8Q8_0.Fold#PAIRS}).
 * </ul>
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/gannet.jar
 * org.openjdk.jmh.Main Int8MatVecBenchmark}. GB/s = Q8_0 bytes (34 per 32 weights) / time.
 *
 * <p>Measured (JDK 25, Sapphire Rapids with AVX-512, one thread, a 2-core machine shared with other
 * builds at load 6–8, so spreads are wide): no int8 variant beat the float kernel clearly. The pairs
 * fold was the best int8 variant, 0.5–1.5× the float kernel's speed depending on the round; the
 * bytes and widen variants were 0.5–0.9×; four interleaved A/B rounds at 4096×4096 gave the pairs
 * fold 0.57–0.77×. Without an 8- or 16-bit multiply-add in the API, an int8 block costs as many
 * vector operations as decoding to floats. See {@link Int8PrefillBenchmark} for batches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Int8MatVecBenchmark {

    /** rows x cols: SmolLM2-135M's ffn_down and ffn_up, and a 7B-sized square. */
    @Param({"576x1536", "1536x576", "4096x4096"})
    public String shape;

    private int rows;
    private int cols;
    private SyntheticMatrix fixture;
    private WeightMatrix matrix;
    private MemorySegment bytes;
    private float[] x;
    private float[] out;
    private float[] scratch;
    private Q8Activations activations;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split("x");
        rows = Integer.parseInt(parts[0]);
        cols = Integer.parseInt(parts[1]);
        if (!Int8Q8_0.runsHere()) {
            throw new IllegalStateException("the int8 kernels need 8 or more float lanes");
        }
        fixture = SyntheticMatrix.create(GgmlType.Q8_0, rows, cols, 0x1A78L);
        matrix = fixture.matrix();
        bytes = matrix.bytes();
        x = SyntheticMatrix.activations(1, cols, 0x7E57L);
        out = new float[rows];
        scratch = new float[TensorKernel.SCRATCH_FLOATS];
        activations = new Q8Activations();
    }

    @Benchmark
    public float[] floatKernel() {
        matrix.multiplyRows(0, rows, x, cols, 1, out, rows, 0, scratch);
        return out;
    }

    @Benchmark
    public float[] int8Bytes() {
        activations.quantize(x, cols, 1, cols);
        Int8Q8_0.multiply(bytes, rows, activations, out, Int8Q8_0.Source.BYTES, Int8Q8_0.Fold.WIDEN);
        return out;
    }

    @Benchmark
    public float[] int8ShortsWiden() {
        activations.quantize(x, cols, 1, cols);
        Int8Q8_0.multiply(bytes, rows, activations, out, Int8Q8_0.Source.SHORTS, Int8Q8_0.Fold.WIDEN);
        return out;
    }

    @Benchmark
    public float[] int8ShortsPairs() {
        activations.quantize(x, cols, 1, cols);
        Int8Q8_0.multiply(bytes, rows, activations, out, Int8Q8_0.Source.SHORTS, Int8Q8_0.Fold.PAIRS);
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }
}
