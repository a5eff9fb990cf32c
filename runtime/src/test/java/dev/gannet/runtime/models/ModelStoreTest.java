package dev.gannet.runtime.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @TempDir
    Path dataDirectory;

    @Test
    void installWritesTheGgufAndAJsonManifestBesideIt() throws Exception {
        ModelStore store = ModelStore.in(dataDirectory);
        Path fixture = TestFixtures.fixture("llama-s7-q8_0.gguf");
        TestFixtures.install(store, "tiny", fixture);

        Path manifest = dataDirectory.resolve("models/tiny.json");
        JsonNode json = new ObjectMapper().readTree(manifest.toFile());
        assertEquals("tiny", json.get("name").asText());
        assertEquals("tiny.gguf", json.get("file").asText());
        assertEquals(Files.size(fixture), json.get("sizeBytes").asLong());
        assertEquals(LocalPackageIndex.sha256(Files.readAllBytes(fixture)), json.get("sha256").asText());
        assertTrue(json.hasNonNull("source") && json.hasNonNull("pulledAt"), json.toString());
        assertEquals(-1, Files.mismatch(fixture, dataDirectory.resolve("models/tiny.gguf")));
        assertEquals(List.of("tiny"), store.list().stream().map(InstalledModel::name).toList());
    }

    @Test
    void removeDeletesBothFiles() throws Exception {
        ModelStore store = ModelStore.in(dataDirectory);
        TestFixtures.install(store, "tiny", TestFixtures.fixture("llama-s7-q8_0.gguf"));

        assertTrue(store.remove("tiny"));

        assertFalse(Files.exists(dataDirectory.resolve("models/tiny.gguf")));
        assertFalse(Files.exists(dataDirectory.resolve("models/tiny.json")));
        assertFalse(store.remove("tiny"));
    }

    @Test
    void aliasesAreKeptAndRemoved() throws Exception {
        ModelStore store = ModelStore.in(dataDirectory);
        store.setAlias("fast", "smollm2");
        store.setAlias("mine", "/models/x.gguf");

        assertEquals(Map.of("fast", "smollm2", "mine", "/models/x.gguf"), ModelStore.in(dataDirectory).aliases());
        assertTrue(store.removeAlias("fast"));
        assertEquals(Map.of("mine", "/models/x.gguf"), store.aliases());
    }

    @Test
    void anAliasCannotShadowAnInstalledModelNorUseUnsafeNames() throws Exception {
        ModelStore store = ModelStore.in(dataDirectory);
        TestFixtures.install(store, "tiny", TestFixtures.fixture("llama-s7-q8_0.gguf"));

        assertEquals("'tiny' is an installed model; an alias cannot take its name",
                assertThrows(ModelException.class, () -> store.setAlias("tiny", "smollm2")).getMessage());
        assertTrue(assertThrows(ModelException.class, () -> store.setAlias("../escape", "smollm2")).getMessage()
                .startsWith("'../escape' is not a valid model name"));
    }

    @Test
    void theAliasesFileIsNeverTakenForAModel() {
        ModelStore store = ModelStore.in(dataDirectory);
        store.setAlias("fast", "smollm2");

        assertTrue(store.find("aliases").isEmpty());
        assertTrue(store.list().isEmpty());
    }
}
