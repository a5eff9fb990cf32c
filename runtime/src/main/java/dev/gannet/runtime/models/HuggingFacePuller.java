package dev.gannet.runtime.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Installs {@code hf:OWNER/REPO/FILE.gguf}: downloads (or resumes) into {@code .staging/NAME.gguf.part},
 * checks the SHA-256 against the one Hugging Face sent where it sent one (else records the computed
 * one), and renames the part into the store.
 */
final class HuggingFacePuller {
    private final ModelStore store;
    private final HuggingFaceDownloader downloader;

    HuggingFacePuller(ModelStore store, HuggingFaceDownloader downloader) {
        this.store = store;
        this.downloader = downloader;
    }

    InstalledModel pull(HuggingFaceReference reference, PullProgress progress) {
        String name = reference.installedName();
        Optional<InstalledModel> installed = store.find(name);
        if (installed.isPresent() && installed.get().manifest().source().equals(reference.toString())
                && Files.isRegularFile(installed.get().gguf())) {
            progress.step(name + " is already installed");
            return installed.get();
        }
        Path part = store.stagingDirectory().resolve(name + ".gguf.part");
        progress.step("pulling " + reference);
        HuggingFaceDownloader.Fetched fetched = downloader.download(reference, part, progress);
        String actual = Sha256.of(part, progress);
        if (fetched.serverSha256().isPresent() && !fetched.serverSha256().get().equals(actual)) {
            // A corrupt part must not be resumed from: the next pull starts over.
            StagingFiles.deleteQuietly(part);
            throw new ModelException("checksum mismatch for " + reference + ": the download has SHA-256 " + actual
                    + " but the server announced " + fetched.serverSha256().get() + "; nothing was installed");
        }
        String checksum = fetched.serverSha256().isPresent() ? ModelManifest.CHECKED_AGAINST_SERVER : ModelManifest.COMPUTED;
        ModelManifest manifest = new ModelManifest(name, name + ".gguf", reference.toString(), actual, checksum,
                fetched.sizeBytes(), Instant.now().toString());
        InstalledModel result = store.install(part, manifest);
        progress.step("installed " + name + " (" + fetched.sizeBytes() + " bytes, SHA-256 "
                + (checksum.equals(ModelManifest.COMPUTED) ? "computed: the server sent none" : "verified") + ")");
        return result;
    }
}
