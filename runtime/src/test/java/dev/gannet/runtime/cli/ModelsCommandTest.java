package dev.gannet.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.runtime.models.ModelManifest;
import dev.gannet.runtime.models.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gannet models}, {@code models alias}, {@code models rm} and {@code pull}'s errors, in-process. */
class ModelsCommandTest {
    @TempDir
    Path dataDirectory;

    void install(String name, String fixture) throws Exception {
        ModelStore store = ModelStore.in(dataDirectory);
        Path staged = store.stagingDirectory().resolve(name + ".tmp");
        Files.copy(CliContractTest.fixture(fixture), staged, StandardCopyOption.REPLACE_EXISTING);
        store.install(staged, new ModelManifest(name, name + ".gguf", "test:" + fixture, "0".repeat(64),
                ModelManifest.COMPUTED, Files.size(staged), "2025-01-01T00:00:00Z"));
    }

    CliContractTest.Result gannet(String... args) {
        String[] withDataDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir";
        withDataDir[args.length + 1] = dataDirectory.toString();
        return CliContractTest.run("", withDataDir);
    }

    @Test
    void jsonListsWhatTheRegistryKnowsOfEachModel() throws Exception {
        install("tiny-llama", "llama-s7-q4_k_m-mix.gguf");
        install("tiny-qwen", "qwen2-s7-q8_0.gguf");

        CliContractTest.Result r = gannet("models", "--json");

        assertEquals(0, r.exitCode(), r.err());
        JsonNode models = new ObjectMapper().readTree(r.out()).get("models");
        assertEquals(2, models.size());
        JsonNode llama = models.get(0);
        assertEquals("tiny-llama", llama.get("name").asText());
        assertEquals("llama", llama.get("architecture").asText());
        assertEquals(parameters(CliContractTest.fixture("llama-s7-q4_k_m-mix.gguf")), llama.get("parameters").asLong());
        assertTrue(llama.get("tensorTypes").has("Q4_K") && llama.get("tensorTypes").has("Q6_K"), llama.toString());
        assertEquals(2048, llama.get("contextLength").asLong());
        assertEquals(Files.size(CliContractTest.fixture("llama-s7-q4_k_m-mix.gguf")), llama.get("sizeBytes").asLong());
        assertFalse(llama.get("ownTemplate").asBoolean());
        assertTrue(llama.get("error").isNull());
        JsonNode qwen = models.get(1);
        assertEquals("qwen2", qwen.get("architecture").asText());
        // No template in the file: the family comes from the architecture, and its built-in ChatML
        // template teaches <tool_call> (Hermes).
        assertEquals("chatml", qwen.get("templateFamily").asText());
        assertEquals("hermes", qwen.get("toolCallFormat").asText());
    }

    @Test
    void theTableShowsOneRowPerModelAndTheAliases() throws Exception {
        install("tiny-llama", "llama-s7-q4_k_m-mix.gguf");
        assertEquals(0, gannet("models", "alias", "small", "tiny-llama").exitCode());

        CliContractTest.Result r = gannet("models");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("NAME"), r.out());
        String row = r.out().lines().filter(l -> l.startsWith("tiny-llama")).findFirst().orElseThrow();
        assertTrue(row.contains("llama") && row.contains("Q4_K") && row.contains("2048"), row);
        assertTrue(r.out().contains("alias small -> tiny-llama"), r.out());
    }

    @Test
    void rmRemovesModelsAndAliasesAndSaysWhenThereIsNothing() throws Exception {
        install("tiny-llama", "llama-s7-q4_k_m-mix.gguf");
        gannet("models", "alias", "small", "tiny-llama");

        assertEquals("removed model tiny-llama", gannet("models", "rm", "tiny-llama").out().strip());
        assertEquals("removed alias small", gannet("models", "rm", "small").out().strip());
        CliContractTest.Result none = gannet("models", "rm", "small");
        assertEquals(1, none.exitCode());
        assertEquals("gannet: no installed model or alias called 'small' in " + dataDirectory.resolve("models"),
                none.err().strip());
        assertTrue(gannet("models").out().startsWith("no models installed"));
    }

    @Test
    void pullingAnUnknownModelIsOneLine() {
        CliContractTest.Result r = gannet("pull", "nosuch");

        assertEquals(1, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("gannet: there is no model 'nosuch' to pull: pull one of smollm2, gemma3-270m"), r.err());
    }

    private static long parameters(Path gguf) {
        try (GgufFile file = GgufReader.open(gguf)) {
            return file.tensors().stream().mapToLong(GgufTensorInfo::elementCount).sum();
        }
    }
}
