package dev.gannet.runtime.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** hf:OWNER/REPO/FILE.gguf pulls against a local server that behaves as Hugging Face does. */
@Timeout(60)
class PullFromHuggingFaceTest {
    static final String REFERENCE = "hf:someone/tiny-GGUF/tiny-q4_k_m.gguf";
    static final String RESOLVE_PATH = "someone/tiny-GGUF/resolve/main/tiny-q4_k_m.gguf";

    @TempDir
    Path dataDirectory;

    final byte[] gguf = TestFixtures.bytes(TestFixtures.fixture("qwen2-s7-q4_k_m-mix.gguf"));
    final String sha = LocalPackageIndex.sha256(gguf);

    ModelPuller puller(LocalHuggingFace server) {
        return new ModelPuller(ModelStore.in(dataDirectory), new ModelCatalog(List.of()),
                new PipDownloader("python3", null, Map.of()), new HuggingFaceDownloader(server.base()));
    }

    @Test
    void downloadsFollowsTheRedirectAndChecksTheAnnouncedSha256() throws Exception {
        try (LocalHuggingFace server = new LocalHuggingFace(RESOLVE_PATH, gguf, sha)) {
            RecordingProgress progress = new RecordingProgress();
            InstalledModel model = puller(server).pull(REFERENCE, progress);

            assertEquals("tiny-q4_k_m", model.name());
            assertArrayEquals(gguf, Files.readAllBytes(model.gguf()));
            assertEquals(ModelManifest.CHECKED_AGAINST_SERVER, model.manifest().checksum());
            assertEquals(sha, model.manifest().sha256());
            assertEquals(REFERENCE, model.manifest().source());
            assertTrue(progress.byteCalls > 0);
            assertEquals(List.of("none"), server.rangesRequested);
        }
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequestAndYieldsTheRightBytes() throws Exception {
        try (LocalHuggingFace server = new LocalHuggingFace(RESOLVE_PATH, gguf, sha)) {
            int cut = gguf.length / 2 + 123;
            server.cutFirstBodyAt(cut);
            ModelPuller puller = puller(server);

            ModelException stopped = assertThrows(ModelException.class, () -> puller.pull(REFERENCE, PullProgress.silent()));
            assertTrue(stopped.getMessage().contains("run the same pull again to resume"), stopped.getMessage());
            ModelStore store = ModelStore.in(dataDirectory);
            assertTrue(store.list().isEmpty());
            Path part = store.stagingDirectory().resolve("tiny-q4_k_m.gguf.part");
            // What reaches the file is what the client received before the connection dropped: at
            // most the bytes sent (the HTTP client may lose its last unread buffer to the reset).
            long kept = Files.size(part);
            assertTrue(kept > 0 && kept <= cut, kept + " bytes kept of " + cut + " sent");

            RecordingProgress progress = new RecordingProgress();
            InstalledModel model = puller.pull(REFERENCE, progress);

            assertEquals(List.of("none", "bytes=" + kept + "-"), server.rangesRequested);
            assertArrayEquals(gguf, Files.readAllBytes(model.gguf()));
            assertEquals(sha, model.manifest().sha256());
            assertTrue(progress.steps.contains("resuming " + REFERENCE + " at byte " + kept), progress.steps.toString());
            assertFalse(Files.exists(part));
        }
    }

    @Test
    void aChecksumMismatchInstallsNothingAndDiscardsThePart() throws Exception {
        String wrong = "ab".repeat(32);
        try (LocalHuggingFace server = new LocalHuggingFace(RESOLVE_PATH, gguf, wrong)) {
            ModelException failure = assertThrows(ModelException.class, () -> puller(server).pull(REFERENCE, PullProgress.silent()));

            assertTrue(failure.getMessage().startsWith("checksum mismatch for " + REFERENCE), failure.getMessage());
            assertTrue(failure.getMessage().contains(wrong) && failure.getMessage().contains(sha), failure.getMessage());
            ModelStore store = ModelStore.in(dataDirectory);
            assertTrue(store.list().isEmpty());
            assertEquals(0, TestFixtures.ggufFilesIn(store));
            assertFalse(Files.exists(store.stagingDirectory().resolve("tiny-q4_k_m.gguf.part")));
        }
    }

    @Test
    void withoutAnAnnouncedSha256TheComputedOneIsRecorded() throws Exception {
        try (LocalHuggingFace server = new LocalHuggingFace(RESOLVE_PATH, gguf, null)) {
            InstalledModel model = puller(server).pull(REFERENCE, PullProgress.silent());

            assertEquals(ModelManifest.COMPUTED, model.manifest().checksum());
            assertEquals(sha, model.manifest().sha256());
        }
    }

    @Test
    void aMissingFileIsOneLineNamingIt() throws Exception {
        try (LocalHuggingFace server = new LocalHuggingFace(RESOLVE_PATH, gguf, sha)) {
            ModelException failure = assertThrows(ModelException.class,
                    () -> puller(server).pull("hf:someone/tiny-GGUF/other.gguf", PullProgress.silent()));

            assertEquals("hf:someone/tiny-GGUF/other.gguf does not exist (HTTP 404 from 127.0.0.1):"
                    + " check the owner, repository and file name", failure.getMessage());
        }
    }

    @Test
    void aMalformedReferenceSaysHowToWriteOne() {
        ModelException failure = assertThrows(ModelException.class, () -> HuggingFaceReference.parse("hf:someone/tiny.gguf"));
        assertEquals("'hf:someone/tiny.gguf' is not a Hugging Face reference: write hf:OWNER/REPO/FILE.gguf", failure.getMessage());
    }
}
