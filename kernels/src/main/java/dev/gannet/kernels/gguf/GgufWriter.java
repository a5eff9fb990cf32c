package dev.gannet.kernels.gguf;

import dev.gannet.kernels.tensor.GgmlType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes GGUF v3 files: metadata in insertion order, then tensor infos, then the aligned tensor data.
 * Tests build malformed and synthetic models with it; tools (requantizing, fusing adapters) write
 * real ones. Quantizing float data to a target type is {@link dev.gannet.kernels.tensor.Quantizer}'s
 * job; this class lays bytes out.
 */
public final class GgufWriter {
    private record Entry(GgufValueType type, Object value) {
    }

    private record Tensor(String name, GgmlType type, long[] shape, MemorySegment data) {
    }

    private final LinkedHashMap<String, Entry> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();
    private int alignment = GgufReader.DEFAULT_ALIGNMENT;

    /** Sets a value with an explicit on-disk type; see {@link GgufArray} for how arrays are held. */
    public GgufWriter put(String key, GgufValueType type, Object value) {
        if (type == GgufValueType.ARRAY && !(value instanceof GgufArray)) {
            throw new IllegalArgumentException("array values must be GgufArray: " + key);
        }
        metadata.put(key, new Entry(type, value));
        if (key.equals("general.alignment")) {
            alignment = (int) ((Number) value).longValue();
        }
        return this;
    }

    public GgufWriter putString(String key, String value) {
        return put(key, GgufValueType.STRING, value);
    }

    public GgufWriter putUInt32(String key, long value) {
        return put(key, GgufValueType.UINT32, value);
    }

    public GgufWriter putInt32(String key, int value) {
        return put(key, GgufValueType.INT32, (long) value);
    }

    public GgufWriter putFloat32(String key, float value) {
        return put(key, GgufValueType.FLOAT32, value);
    }

    public GgufWriter putBool(String key, boolean value) {
        return put(key, GgufValueType.BOOL, value);
    }

    public GgufWriter putArray(String key, GgufArray array) {
        return put(key, GgufValueType.ARRAY, array);
    }

    /** Copies every metadata entry of another file, keeping the on-disk types. */
    public GgufWriter putAll(GgufMetadata source) {
        for (Map.Entry<String, Object> e : source.asMap().entrySet()) {
            put(e.getKey(), source.typeOf(e.getKey()).orElseThrow(), e.getValue());
        }
        return this;
    }

    public GgufWriter remove(String key) {
        metadata.remove(key);
        return this;
    }

    /**
     * Adds a tensor whose data is already in {@code type}'s layout.
     *
     * @param shape ggml order, innermost first
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] shape, MemorySegment data) {
        long elements = 1;
        for (long d : shape) {
            elements = Math.multiplyExact(elements, d);
        }
        long expected = type.bytesFor(elements);
        if (data.byteSize() != expected) {
            throw new IllegalArgumentException("tensor " + name + ": " + data.byteSize() + " bytes given, "
                    + type + " " + java.util.Arrays.toString(shape) + " needs " + expected);
        }
        tensors.add(new Tensor(name, type, shape.clone(), data));
        return this;
    }

    public GgufWriter addTensor(String name, GgmlType type, long[] shape, byte[] data) {
        return addTensor(name, type, shape, MemorySegment.ofArray(data));
    }

    /** Adds an F32 tensor. */
    public GgufWriter addTensor(String name, long[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return addTensor(name, GgmlType.F32, shape, bytes.array());
    }

    /**
     * Adds a tensor given as floats, stored as {@code type} (quantized by
     * {@link dev.gannet.kernels.tensor.Quantizer}; F32 stored as is).
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] shape, float[] values) {
        if (type == GgmlType.F32) {
            return addTensor(name, shape, values);
        }
        return addTensor(name, type, shape, dev.gannet.kernels.tensor.Quantizer.quantize(type, values));
    }

    /** Writes the file atomically: to a sibling temporary file, then renamed over {@code path}. */
    public void write(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                write(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The whole file as bytes (tests and the fuzzer use this). */
    public byte[] toBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return out.toByteArray();
    }

    private void write(OutputStream stream) throws IOException {
        LittleEndianOutput out = new LittleEndianOutput(stream);
        out.u32(GgufReader.MAGIC);
        out.u32(3);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (Map.Entry<String, Entry> e : metadata.entrySet()) {
            out.string(e.getKey());
            out.u32(e.getValue().type.id());
            writeValue(out, e.getValue().type, e.getValue().value);
        }
        long offset = 0;
        for (Tensor t : tensors) {
            out.string(t.name);
            out.u32(t.shape.length);
            for (long d : t.shape) {
                out.u64(d);
            }
            out.u32(t.type.id());
            out.u64(offset);
            offset = GgufReader.alignUp(offset + t.data.byteSize(), alignment);
        }
        out.padTo(alignment);
        long dataStart = out.written();
        for (Tensor t : tensors) {
            out.bytes(t.data);
            out.padTo(alignment, dataStart);
        }
    }

    private static void writeValue(LittleEndianOutput out, GgufValueType type, Object value) throws IOException {
        switch (type) {
            case UINT8, INT8, BOOL -> out.u8(value instanceof Boolean b ? (b ? 1 : 0) : (int) ((Number) value).longValue());
            case UINT16, INT16 -> out.u16((int) ((Number) value).longValue());
            case UINT32, INT32 -> out.u32((int) ((Number) value).longValue());
            case UINT64, INT64 -> out.u64(((Number) value).longValue());
            case FLOAT32 -> out.u32(Float.floatToRawIntBits(((Number) value).floatValue()));
            case FLOAT64 -> out.u64(Double.doubleToRawLongBits(((Number) value).doubleValue()));
            case STRING -> out.string((String) value);
            case ARRAY -> writeArray(out, (GgufArray) value);
        }
    }

    private static void writeArray(LittleEndianOutput out, GgufArray array) throws IOException {
        out.u32(array.elementType().id());
        out.u64(array.length());
        GgufValueType element = array.elementType();
        switch (array.values()) {
            case int[] a -> {
                for (int v : a) {
                    writeValue(out, element, (long) v);
                }
            }
            case long[] a -> {
                for (long v : a) {
                    writeValue(out, element, v);
                }
            }
            case float[] a -> {
                for (float v : a) {
                    writeValue(out, element, v);
                }
            }
            case double[] a -> {
                for (double v : a) {
                    writeValue(out, element, v);
                }
            }
            case boolean[] a -> {
                for (boolean v : a) {
                    writeValue(out, element, v);
                }
            }
            case String[] a -> {
                for (String v : a) {
                    out.string(v);
                }
            }
            case List<?> a -> {
                for (Object v : a) {
                    writeArray(out, (GgufArray) v);
                }
            }
            default -> throw new IllegalArgumentException("unsupported array storage " + array.values().getClass());
        }
    }

    /** Little-endian primitive output that counts what it wrote (for alignment padding). */
    private static final class LittleEndianOutput {
        private final OutputStream out;
        private final byte[] scratch = new byte[8];
        private long written;

        LittleEndianOutput(OutputStream out) {
            this.out = out;
        }

        long written() {
            return written;
        }

        void u8(int v) throws IOException {
            out.write(v);
            written++;
        }

        void u16(int v) throws IOException {
            scratch[0] = (byte) v;
            scratch[1] = (byte) (v >>> 8);
            out.write(scratch, 0, 2);
            written += 2;
        }

        void u32(int v) throws IOException {
            for (int i = 0; i < 4; i++) {
                scratch[i] = (byte) (v >>> (8 * i));
            }
            out.write(scratch, 0, 4);
            written += 4;
        }

        void u64(long v) throws IOException {
            for (int i = 0; i < 8; i++) {
                scratch[i] = (byte) (v >>> (8 * i));
            }
            out.write(scratch, 0, 8);
            written += 8;
        }

        void string(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            u64(bytes.length);
            out.write(bytes);
            written += bytes.length;
        }

        void bytes(MemorySegment data) throws IOException {
            byte[] chunk = new byte[1 << 16];
            for (long at = 0; at < data.byteSize(); at += chunk.length) {
                int n = (int) Math.min(chunk.length, data.byteSize() - at);
                MemorySegment.copy(data, ValueLayout.JAVA_BYTE, at, chunk, 0, n);
                out.write(chunk, 0, n);
                written += n;
            }
        }

        void padTo(int alignment) throws IOException {
            padTo(alignment, 0);
        }

        /** Pads so that (written - base) is a multiple of alignment. */
        void padTo(int alignment, long base) throws IOException {
            while ((written - base) % alignment != 0) {
                u8(0);
            }
        }
    }
}
