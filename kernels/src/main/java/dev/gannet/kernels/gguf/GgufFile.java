package dev.gannet.kernels.gguf;

import java.lang.foreign.Arena;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A read GGUF file: its metadata and its tensors, whose data are slices of the file's memory
 * mapping. Closing the file unmaps it; tensor data must not be touched afterwards.
 */
public final class GgufFile implements AutoCloseable {
    private final String source;
    private final int version;
    private final int alignment;
    private final long dataStart;
    private final GgufMetadata metadata;
    private final Map<String, GgufTensorInfo> tensors;
    private final Arena arena;

    GgufFile(String source, int version, int alignment, long dataStart, GgufMetadata metadata,
             LinkedHashMap<String, GgufTensorInfo> tensors, Arena arena) {
        this.source = source;
        this.version = version;
        this.alignment = alignment;
        this.dataStart = dataStart;
        this.metadata = metadata;
        this.tensors = Collections.unmodifiableMap(tensors);
        this.arena = arena;
    }

    /** The path (or name) the file was read from, used in every error message. */
    public String source() {
        return source;
    }

    public int version() {
        return version;
    }

    public int alignment() {
        return alignment;
    }

    /** Byte offset of the tensor data section in the file. */
    public long dataStart() {
        return dataStart;
    }

    public GgufMetadata metadata() {
        return metadata;
    }

    /** Tensors in file order. */
    public Collection<GgufTensorInfo> tensors() {
        return tensors.values();
    }

    public Optional<GgufTensorInfo> findTensor(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    public GgufTensorInfo tensor(String name) {
        GgufTensorInfo tensor = tensors.get(name);
        if (tensor == null) {
            throw new GgufFormatException(source, "tensor " + GgufFormatException.quote(name) + " is missing");
        }
        return tensor;
    }

    @Override
    public void close() {
        if (arena != null) {
            arena.close();
        }
    }
}
