package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kernel dequantizes a real llama.cpp tensor as an independent implementation (gguf-py) does. */
class DequantizeFixtureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "llama-s7-f32, F32", "llama-s7-f16, F16", "llama-s7-bf16, BF16",
        "llama-s7-q8_0, Q8_0", "llama-s7-q4_0, Q4_0", "llama-s7-q4_1, Q4_1",
        "llama-s7-q5_0, Q5_0", "llama-s7-q5_1, Q5_1",
        "llama-s7-q2_k, Q2_K", "llama-s7-q3_k, Q3_K", "llama-s7-q4_k, Q4_K",
        "llama-s7-q5_k, Q5_K", "llama-s7-q6_k, Q6_K", "llama-s7-q4_k_m-mix, Q4_K",
    })
    void reproducesReferenceDequantization(String model, GgmlType type) {
        float[] expected = Fixtures.referenceDequant(model, Fixtures.ATTN_OUTPUT);
        try (GgufFile file = GgufReader.open(Fixtures.model(model))) {
            GgufTensorInfo tensor = file.tensor(Fixtures.ATTN_OUTPUT);
            assertEquals(type, tensor.type());
            assertArrayEquals(new long[] {256, 256}, tensor.shape());
            float[] actual = new float[expected.length];
            TensorKernels.of(type).dequantize(tensor.data(), 0, actual, 0, actual.length);
            for (int i = 0; i < expected.length; i++) {
                if (Math.abs(actual[i] - expected[i]) > 1e-6f * Math.abs(expected[i])) {
                    fail(model + ": element " + i + " (row " + i / 256 + ", column " + i % 256 + ") is "
                            + actual[i] + ", reference " + expected[i]);
                }
            }
        }
    }
}
