package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kernel's dot product equals the dot product of its own dequantized weights with x, taken in
 * double: the fused per-block path forms the same weights as dequantize.
 */
class DotProductTest {
    /** Float sums against a double oracle: far below the weight of any one wrong element. */
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "llama-s7-f32, blk.0.attn_output.weight", "llama-s7-f32, blk.0.ffn_down.weight",
        "llama-s7-f16, blk.0.attn_output.weight", "llama-s7-f16, blk.0.ffn_down.weight",
        "llama-s7-bf16, blk.0.attn_output.weight", "llama-s7-bf16, blk.0.ffn_down.weight",
        "llama-s7-q8_0, blk.0.attn_output.weight", "llama-s7-q8_0, blk.0.ffn_down.weight",
        "llama-s7-q4_0, blk.0.attn_output.weight", "llama-s7-q4_0, blk.0.ffn_down.weight",
        "llama-s7-q4_1, blk.0.attn_output.weight", "llama-s7-q4_1, blk.0.ffn_down.weight",
        "llama-s7-q5_0, blk.0.attn_output.weight", "llama-s7-q5_0, blk.0.ffn_down.weight",
        "llama-s7-q5_1, blk.0.attn_output.weight", "llama-s7-q5_1, blk.0.ffn_down.weight",
        "llama-s7-q2_k, blk.0.attn_output.weight", "llama-s7-q2_k, blk.0.ffn_down.weight",
        "llama-s7-q3_k, blk.0.attn_output.weight", "llama-s7-q3_k, blk.0.ffn_down.weight",
        "llama-s7-q4_k, blk.0.attn_output.weight", "llama-s7-q4_k, blk.0.ffn_down.weight",
        "llama-s7-q5_k, blk.0.attn_output.weight", "llama-s7-q5_k, blk.0.ffn_down.weight",
        "llama-s7-q6_k, blk.0.attn_output.weight", "llama-s7-q6_k, blk.0.ffn_down.weight",
        "llama-s7-q4_k_m-mix, blk.1.ffn_down.weight",
    })
    void fixtureRows(String model, String name) {
        try (GgufFile file = GgufReader.open(Fixtures.model(model))) {
            GgufTensorInfo tensor = file.tensor(name);
            TensorKernel kernel = TensorKernels.of(tensor.type());
            int row = (int) tensor.rowLength();
            int block = tensor.type().blockSize();
            long total = tensor.elementCount();
            long[][] windows = {
                {0, row},                          // the first row
                {5L * row, row},                   // a later row
                {2L * row + 17L * block, 131L * block}, // starts mid-row (for 32-blocks), spans rows
                {total - 2L * block, 2L * block},  // the last blocks of the tensor
            };
            Random random = new Random(model.hashCode() * 31L + name.hashCode());
            for (long[] window : windows) {
                checkDot(kernel, tensor.data(), window[0], (int) window[1], random, model + " " + name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gannet.kernels.tensor.TensorKernels#supported")
    void quantizedRandomData(GgmlType type) {
        Random random = new Random(type.id());
        int block = type.blockSize();
        // Odd numbers of blocks (of elements, for the float types) and odd starts.
        float[] values = new float[block == 1 ? 37 : 9 * block];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(type, values));
        TensorKernel kernel = TensorKernels.of(type);
        int blocks = values.length / block;
        checkDot(kernel, data, 0, values.length, random, type.toString());
        checkDot(kernel, data, 3L * block, (blocks - 5) * block, random, type.toString());
        checkDot(kernel, data, (blocks - 1L) * block, block, random, type.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gannet.kernels.tensor.TensorKernels#supported")
    void emptyRangeIsZero(GgmlType type) {
        byte[] bytes = Quantizer.quantize(type, new float[type.blockSize()]);
        assertEquals(0f, TensorKernels.of(type).dot(MemorySegment.ofArray(bytes), 0, new float[0], 0, 0));
    }

    private static void checkDot(TensorKernel kernel, MemorySegment data, long from, int count, Random random, String what) {
        int xOffset = 7;
        float[] x = new float[xOffset + count + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] weights = new float[count];
        kernel.dequantize(data, from, weights, 0, count);
        double expected = 0;
        double magnitude = 0;
        for (int i = 0; i < count; i++) {
            expected += (double) weights[i] * x[xOffset + i];
            magnitude += Math.abs((double) weights[i] * x[xOffset + i]);
        }
        assertTrue(magnitude > 0, what + ": a window of zero weights proves nothing");
        float actual = kernel.dot(data, from, x, xOffset, count);
        assertEquals(expected, actual, TOLERANCE * magnitude, what + ": dot of [" + from + ", " + (from + count) + ")");
    }
}
