package dev.gannet.kernels.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.TensorKernels;
import dev.gannet.kernels.testing.SharedFixtures;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer as the tools will use it: requantize the F32 fixture model to F16, Q8_0 and Q4_0 and
 * check the result against llama.cpp's own quantization of the same weights — byte for byte in the
 * tensors, and the model runs to the same logits as the fixture llama.cpp wrote.
 */
class GgufRequantizeTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F16", "Q8_0", "Q4_0"})
    void requantizedModelMatchesLlamaCppsQuantization(GgmlType type) throws IOException {
        String suffix = type.name().toLowerCase();
        Path written = temp.resolve("llama-s7-" + suffix + ".gguf");
        try (GgufFile source = GgufReader.open(SharedFixtures.model("llama-s7-f32.gguf"))) {
            GgufWriter writer = new GgufWriter().putAll(source.metadata());
            for (GgufTensorInfo tensor : source.tensors()) {
                float[] values = new float[(int) tensor.elementCount()];
                TensorKernels.of(tensor.type()).dequantize(tensor.data(), 0, values, 0, values.length);
                // As llama.cpp does: 2-D weights take the target type, 1-D norms stay F32.
                GgmlType target = tensor.dimensions() == 2 ? type : GgmlType.F32;
                writer.addTensor(tensor.name(), target, tensor.shape(), values);
            }
            writer.write(written);
        }
        try (GgufFile ours = GgufReader.open(written);
             GgufFile theirs = GgufReader.open(SharedFixtures.model("llama-s7-" + suffix + ".gguf"))) {
            for (GgufTensorInfo tensor : theirs.tensors()) {
                GgufTensorInfo mine = ours.tensor(tensor.name());
                assertEquals(tensor.type(), mine.type(), tensor.name());
                assertArrayEquals(tensor.data().toArray(ValueLayout.JAVA_BYTE), mine.data().toArray(ValueLayout.JAVA_BYTE),
                        tensor.name() + " differs from llama.cpp's quantization");
            }
        }
        int[] tokens = {1, 436, 94, 16, 328};
        try (ThreadTeam team = new ThreadTeam(1);
             Model ours = Model.load(written);
             Model theirs = Model.load(SharedFixtures.model("llama-s7-" + suffix + ".gguf"))) {
            assertArrayEquals(theirs.newSession(team, 16).evaluateAll(tokens), ours.newSession(team, 16).evaluateAll(tokens));
        }
    }
}
