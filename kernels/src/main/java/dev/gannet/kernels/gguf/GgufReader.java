package dev.gannet.kernels.gguf;

import dev.gannet.kernels.tensor.GgmlType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads GGUF v2 and v3 files. The file is memory-mapped through the FFM API (no copy to the heap,
 * files past 2 GiB are fine) and every count, length, offset, dimension and type is checked against
 * the file before it is used, so a malformed file ends in one {@link GgufFormatException}.
 *
 * <p>Layout: magic "GGUF", uint32 version, uint64 tensor count, uint64 metadata count, the metadata
 * key/values, the tensor infos (name, uint32 n_dims, uint64 dims[n_dims], uint32 type, uint64
 * offset), padding to {@code general.alignment} (default 32), then the tensor data.
 */
public final class GgufReader {
    /** "GGUF" read as a little-endian uint32. */
    static final int MAGIC = 0x46554747;
    static final int DEFAULT_ALIGNMENT = 32;
    /** ggml tensors have at most four dimensions. */
    static final int MAX_DIMENSIONS = 4;
    /** Arrays of arrays deeper than this are refused (real files nest at most once). */
    static final int MAX_ARRAY_DEPTH = 8;

    private GgufReader() {
    }

    /** Maps and reads a file; the returned {@link GgufFile} owns the mapping and must be closed. */
    public static GgufFile open(Path path) {
        String source = path.toString();
        if (Files.isDirectory(path)) {
            throw new GgufFormatException(source, "is a directory, not a GGUF file");
        }
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new GgufFormatException(source, "file is empty");
            }
            MemorySegment mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            return read(mapping, source, arena);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new GgufFormatException(source, "no such file");
        } catch (IOException e) {
            arena.close();
            throw new GgufFormatException(source, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /**
     * Reads GGUF from bytes already in memory (tests and the fuzzer use this). The caller keeps
     * ownership of the segment; the returned file's {@code close} does nothing to it.
     */
    public static GgufFile read(MemorySegment bytes, String source) {
        return read(bytes, source, null);
    }

    private static GgufFile read(MemorySegment bytes, String source, Arena arena) {
        ByteCursor in = new ByteCursor(bytes, source);
        if (bytes.byteSize() == 0) {
            throw new GgufFormatException(source, "file is empty");
        }
        if (bytes.byteSize() < 4 || in.i32() != MAGIC) {
            throw new GgufFormatException(source, "not a GGUF file (the first four bytes are not 'GGUF')");
        }
        long version = in.u32();
        if (version == 1) {
            throw new GgufFormatException(source, "GGUF version 1 is not supported (re-convert the model; v2 and v3 are)");
        }
        if (version != 2 && version != 3) {
            String hint = Integer.reverseBytes((int) version) == 3 || Integer.reverseBytes((int) version) == 2
                    ? " (a big-endian GGUF; only little-endian files are supported)" : "";
            throw new GgufFormatException(source, "unsupported GGUF version " + version + hint);
        }
        long tensorCount = in.u64Size("tensor count");
        long metadataCount = in.u64Size("metadata count");
        // Each tensor info takes at least 8 (name) + 4 + 8 + 4 + 8 bytes; each key/value at least 8 + 4 + 1.
        if (tensorCount > in.remaining() / 32) {
            throw new GgufFormatException(source, "tensor count " + tensorCount + " is absurd for a file of "
                    + bytes.byteSize() + " bytes");
        }
        if (metadataCount > in.remaining() / 13) {
            throw new GgufFormatException(source, "metadata count " + metadataCount + " is absurd for a file of "
                    + bytes.byteSize() + " bytes");
        }

        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        LinkedHashMap<String, GgufValueType> types = new LinkedHashMap<>();
        for (long i = 0; i < metadataCount; i++) {
            in.context("metadata entry " + i);
            String key = in.string();
            in.context("metadata key " + GgufFormatException.quote(key));
            if (values.containsKey(key)) {
                throw in.error("duplicate metadata key " + GgufFormatException.quote(key));
            }
            GgufValueType type = valueType(in, in.u32());
            values.put(key, readValue(in, type, 0));
            types.put(key, type);
        }
        GgufMetadata metadata = new GgufMetadata(source, values, types);
        int alignment = alignment(metadata, source);

        List<PendingTensor> pending = new ArrayList<>((int) tensorCount);
        LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
        for (long i = 0; i < tensorCount; i++) {
            in.context("tensor info " + i);
            PendingTensor tensor = readTensorInfo(in, alignment);
            if (names.put(tensor.name, Boolean.TRUE) != null) {
                throw in.error("duplicate tensor name " + GgufFormatException.quote(tensor.name));
            }
            pending.add(tensor);
        }

        long dataStart = alignUp(in.position(), alignment);
        if (tensorCount > 0 && dataStart > bytes.byteSize()) {
            throw new GgufFormatException(source, "file is truncated: tensor data would start at byte "
                    + dataStart + " but the file has " + bytes.byteSize());
        }
        long dataSize = Math.max(0, bytes.byteSize() - dataStart);
        LinkedHashMap<String, GgufTensorInfo> tensors = new LinkedHashMap<>();
        for (PendingTensor t : pending) {
            if (t.offset > dataSize || t.byteSize > dataSize - t.offset) {
                throw new GgufFormatException(source, "tensor " + GgufFormatException.quote(t.name) + " (" + t.byteSize + " bytes at data offset "
                        + t.offset + ") runs past the end of the file (data section is " + dataSize + " bytes)");
            }
            MemorySegment data = bytes.asSlice(dataStart + t.offset, t.byteSize).asReadOnly();
            tensors.put(t.name, new GgufTensorInfo(t.name, t.type, t.shape, t.offset, t.byteSize, data));
        }
        return new GgufFile(source, (int) version, alignment, dataStart, metadata, tensors, arena);
    }

    private record PendingTensor(String name, GgmlType type, long[] shape, long offset, long byteSize) {
    }

    private static PendingTensor readTensorInfo(ByteCursor in, int alignment) {
        String name = in.string();
        in.context("tensor " + GgufFormatException.quote(name));
        long dims = in.u32();
        if (dims == 0 || dims > MAX_DIMENSIONS) {
            throw in.error("tensor has " + dims + " dimensions (1 to " + MAX_DIMENSIONS + " allowed)");
        }
        long[] shape = new long[(int) dims];
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            shape[d] = in.u64Size("dimension " + d);
            try {
                elements = Math.multiplyExact(elements, shape[d]);
            } catch (ArithmeticException e) {
                throw in.error("dimensions overflow: their product does not fit 64 bits");
            }
        }
        long typeId = in.u32();
        GgmlType type = GgmlType.fromId(typeId)
                .orElseThrow(() -> in.error("unknown tensor type " + typeId));
        if (shape[0] % type.blockSize() != 0) {
            throw in.error("row length " + shape[0] + " is not a multiple of " + type + "'s block size " + type.blockSize());
        }
        long byteSize;
        try {
            byteSize = type.bytesFor(elements);
        } catch (ArithmeticException e) {
            throw in.error("tensor size overflows 64 bits");
        }
        long offset = in.u64Size("tensor data offset");
        if (offset % alignment != 0) {
            throw in.error("tensor data offset " + offset + " is not aligned to " + alignment);
        }
        return new PendingTensor(name, type, shape, offset, byteSize);
    }

    private static int alignment(GgufMetadata metadata, String source) {
        if (!metadata.contains("general.alignment")) {
            return DEFAULT_ALIGNMENT;
        }
        long value = metadata.findLong("general.alignment")
                .orElseThrow(() -> new GgufFormatException(source, "general.alignment is not an integer"));
        if (value <= 0 || value > (1 << 30) || Long.bitCount(value) != 1) {
            throw new GgufFormatException(source, "general.alignment " + value + " is not a power of two");
        }
        return (int) value;
    }

    static long alignUp(long position, int alignment) {
        long rest = position % alignment;
        return rest == 0 ? position : position + (alignment - rest);
    }

    private static GgufValueType valueType(ByteCursor in, long id) {
        return GgufValueType.fromId(id).orElseThrow(() -> in.error("unknown metadata value type " + id));
    }

    private static Object readValue(ByteCursor in, GgufValueType type, int depth) {
        return switch (type) {
            case UINT8 -> (long) in.u8();
            case INT8 -> (long) in.i8();
            case UINT16 -> (long) in.u16();
            case INT16 -> (long) in.i16();
            case UINT32 -> in.u32();
            case INT32 -> (long) in.i32();
            case UINT64, INT64 -> in.i64();
            case FLOAT32 -> in.f32();
            case FLOAT64 -> in.f64();
            case BOOL -> in.bool();
            case STRING -> in.string();
            case ARRAY -> readArray(in, depth + 1);
        };
    }

    private static GgufArray readArray(ByteCursor in, int depth) {
        if (depth > MAX_ARRAY_DEPTH) {
            throw in.error("arrays nested deeper than " + MAX_ARRAY_DEPTH);
        }
        GgufValueType elementType = valueType(in, in.u32());
        long count = in.u64Size("array length");
        // Check the count against what the file can hold before allocating anything for it.
        if (count > in.remaining() / elementType.minimumSize() || count > Integer.MAX_VALUE - 16) {
            throw in.error("array of " + count + " " + elementType.name().toLowerCase()
                    + " values cannot fit in the " + in.remaining() + " bytes left");
        }
        int n = (int) count;
        Object values = switch (elementType) {
            case UINT8, INT8, UINT16, INT16, INT32 -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (int) (long) (Long) readValue(in, elementType, depth);
                }
                yield a;
            }
            case UINT32 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.u32();
                }
                yield a;
            }
            case UINT64, INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.i64();
                }
                yield a;
            }
            case FLOAT32 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.f32();
                }
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.f64();
                }
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.bool();
                }
                yield a;
            }
            case STRING -> {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = in.string();
                }
                yield a;
            }
            case ARRAY -> {
                List<GgufArray> a = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    a.add(readArray(in, depth + 1));
                }
                yield a;
            }
        };
        return new GgufArray(elementType, values);
    }
}
