package dev.gannet.runtime.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The models installed under {@code <data dir>/models}: {@code NAME.gguf} beside {@code NAME.json}
 * (its {@link ModelManifest}), aliases in {@code aliases.json}, and unfinished work in
 * {@code .staging/}. A model counts as installed once its manifest exists; both files arrive by an
 * atomic rename from the staging directory (same file system), so a crash or a failed check never
 * leaves a half-written model that looks installed.
 */
public final class ModelStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ALIASES = ModelNames.RESERVED + ".json";

    private final Path directory;

    private ModelStore(Path directory) {
        this.directory = directory;
    }

    /** The store of a data directory ({@code ~/.gannet} by default); nothing is created until written. */
    public static ModelStore in(Path dataDirectory) {
        return new ModelStore(dataDirectory.resolve("models"));
    }

    public Path directory() {
        return directory;
    }

    public Optional<InstalledModel> find(String name) {
        Path manifest = directory.resolve(name + ".json");
        if (!isSafeName(name) || !Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        ModelManifest read = readManifest(manifest);
        return Optional.of(new InstalledModel(read, directory.resolve(read.file())));
    }

    /** Every installed model, by name. */
    public List<InstalledModel> list() {
        List<InstalledModel> models = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return models;
        }
        try (DirectoryStream<Path> manifests = Files.newDirectoryStream(directory, "*.json")) {
            for (Path manifest : manifests) {
                String name = manifest.getFileName().toString().replaceFirst("\\.json$", "");
                find(name).ifPresent(models::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        models.sort(Comparator.comparing(InstalledModel::name));
        return models;
    }

    /** A scratch directory on the store's file system, for files that end up renamed into the store. */
    public Path stagingDirectory() {
        Path staging = directory.resolve(".staging");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new ModelException("cannot create " + staging + ": " + e.getMessage(), e);
        }
        return staging;
    }

    /**
     * Moves a verified GGUF from the staging directory into the store under {@code manifest.name()}
     * and writes its manifest, replacing a model of that name.
     */
    public InstalledModel install(Path stagedGguf, ModelManifest manifest) {
        ModelNames.check(manifest.name());
        Path gguf = directory.resolve(manifest.file());
        try {
            Path stagedManifest = Files.createTempFile(stagingDirectory(), manifest.name(), ".json");
            JSON.writeValue(stagedManifest.toFile(), manifest);
            moveAtomically(stagedGguf, gguf);
            moveAtomically(stagedManifest, directory.resolve(manifest.name() + ".json"));
        } catch (IOException e) {
            throw new ModelException("cannot install " + manifest.name() + " into " + directory + ": " + e.getMessage(), e);
        }
        return new InstalledModel(manifest, gguf);
    }

    /** Removes an installed model (manifest first, so it stops counting as installed at once). */
    public boolean remove(String name) {
        Optional<InstalledModel> model = find(name);
        if (model.isEmpty()) {
            return false;
        }
        try {
            Files.deleteIfExists(directory.resolve(name + ".json"));
            Files.deleteIfExists(model.get().gguf());
        } catch (IOException e) {
            throw new ModelException("cannot remove " + name + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** Alias name → the reference it stands for (an installed name, a catalog name, a path or hf:…). */
    public Map<String, String> aliases() {
        Path file = directory.resolve(ALIASES);
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new ModelException(file + " is not a valid aliases file: " + e.getMessage(), e);
        }
    }

    public void setAlias(String alias, String reference) {
        ModelNames.check(alias);
        if (find(alias).isPresent()) {
            throw new ModelException("'" + alias + "' is an installed model; an alias cannot take its name");
        }
        Map<String, String> aliases = aliases();
        aliases.put(alias, reference);
        writeAliases(aliases);
    }

    public boolean removeAlias(String alias) {
        Map<String, String> aliases = aliases();
        if (aliases.remove(alias) == null) {
            return false;
        }
        writeAliases(aliases);
        return true;
    }

    private void writeAliases(Map<String, String> aliases) {
        try {
            Path staged = Files.createTempFile(stagingDirectory(), "aliases", ".json");
            JSON.writeValue(staged.toFile(), aliases);
            moveAtomically(staged, directory.resolve(ALIASES));
        } catch (IOException e) {
            throw new ModelException("cannot write the aliases in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static ModelManifest readManifest(Path manifest) {
        try {
            return JSON.readValue(manifest.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new ModelException(manifest + " is not a valid model manifest: " + e.getMessage(), e);
        }
    }

    private static boolean isSafeName(String name) {
        try {
            ModelNames.check(name);
            return true;
        } catch (ModelException e) {
            return false;
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Staging lives inside the store, so this only happens on exotic file systems.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
