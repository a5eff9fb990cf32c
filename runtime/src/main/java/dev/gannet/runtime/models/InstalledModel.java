package dev.gannet.runtime.models;

import java.nio.file.Path;

/** A model in the store: its manifest and the GGUF's path. */
public record InstalledModel(ModelManifest manifest, Path gguf) {
    public String name() {
        return manifest.name();
    }
}
