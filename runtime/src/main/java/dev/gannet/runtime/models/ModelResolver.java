package dev.gannet.runtime.models;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a user names a model into a local GGUF, fetching it when Gannet knows where from. In
 * order: an existing file; an installed model; an alias (followed to what it stands for); a catalog
 * name or {@code hf:OWNER/REPO/FILE.gguf}, pulled on first use. This is how the default model
 * arrives on a fresh machine without a separate pull.
 */
public final class ModelResolver {
    private final ModelStore store;
    private final ModelPuller puller;
    private final PullProgress progress;

    public ModelResolver(ModelStore store, ModelPuller puller, PullProgress progress) {
        this.store = store;
        this.puller = puller;
        this.progress = progress;
    }

    /** The local GGUF for {@code reference}, pulled first where it is not here yet. */
    public Path resolve(String reference) {
        return resolve(reference, new LinkedHashSet<>());
    }

    private Path resolve(String reference, Set<String> aliasesFollowed) {
        if (reference == null || reference.isBlank()) {
            throw new ModelException("no model given: name an installed model, a catalog model or a GGUF file");
        }
        if (HuggingFaceReference.matches(reference)) {
            HuggingFaceReference hf = HuggingFaceReference.parse(reference);
            Optional<InstalledModel> installed = store.find(hf.installedName())
                    .filter(m -> m.manifest().source().equals(hf.toString()));
            return installed.map(InstalledModel::gguf).orElseGet(() -> puller.pull(reference, progress).gguf());
        }
        Optional<Path> file = existingFile(reference);
        if (file.isPresent()) {
            return file.get();
        }
        Optional<InstalledModel> installed = store.find(reference);
        if (installed.isPresent()) {
            if (!Files.isRegularFile(installed.get().gguf())) {
                throw new ModelException("model '" + reference + "' is installed but its file " + installed.get().gguf()
                        + " is gone: run gannet models rm " + reference + " and pull it again");
            }
            return installed.get().gguf();
        }
        String aliasTarget = store.aliases().get(reference);
        if (aliasTarget != null) {
            if (!aliasesFollowed.add(reference)) {
                throw new ModelException("aliases form a loop: " + String.join(" -> ", aliasesFollowed) + " -> " + reference);
            }
            return resolve(aliasTarget, aliasesFollowed);
        }
        if (puller.canPull(reference)) {
            return puller.pull(reference, progress).gguf();
        }
        if (reference.contains("/") || reference.contains("\\") || reference.endsWith(".gguf")) {
            throw new ModelException(reference + ": no such file");
        }
        throw new ModelException("unknown model '" + reference + "': not a file, not installed (see gannet models),"
                + " not an alias and not in the catalog; pass --model /path/to/file.gguf or pull hf:OWNER/REPO/FILE.gguf");
    }

    private static Optional<Path> existingFile(String reference) {
        try {
            Path path = Path.of(reference);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
