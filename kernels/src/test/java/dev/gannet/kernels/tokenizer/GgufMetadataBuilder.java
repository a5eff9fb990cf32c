package dev.gannet.kernels.tokenizer;

import dev.gannet.kernels.gguf.GgufMetadata;
import dev.gannet.kernels.gguf.GgufReader;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a tensorless GGUF v3 file in memory and reads its metadata back, so tests can build
 * vocabularies no fixture has (unknown models, missing keys, tiny BPE tables).
 */
final class GgufMetadataBuilder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    GgufMetadataBuilder put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    GgufMetadata build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, 0x46554747);        // "GGUF"
        writeInt(out, 3);                 // version
        writeLong(out, 0);                // tensors
        writeLong(out, values.size());    // metadata entries
        values.forEach((key, value) -> {
            writeString(out, key);
            writeValue(out, value);
        });
        while (out.size() % 32 != 0) {
            out.write(0);
        }
        return GgufReader.read(MemorySegment.ofArray(out.toByteArray()), "synthetic.gguf").metadata();
    }

    private static void writeValue(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case String s -> {
                writeInt(out, 8);
                writeString(out, s);
            }
            case Boolean b -> {
                writeInt(out, 7);
                out.write(b ? 1 : 0);
            }
            case Integer i -> {
                writeInt(out, 4); // uint32, as converters write token ids
                writeInt(out, i);
            }
            case String[] strings -> {
                writeInt(out, 9);
                writeInt(out, 8);
                writeLong(out, strings.length);
                for (String s : strings) {
                    writeString(out, s);
                }
            }
            case int[] ints -> {
                writeInt(out, 9);
                writeInt(out, 5);
                writeLong(out, ints.length);
                for (int i : ints) {
                    writeInt(out, i);
                }
            }
            case float[] floats -> {
                writeInt(out, 9);
                writeInt(out, 6);
                writeLong(out, floats.length);
                for (float f : floats) {
                    writeInt(out, Float.floatToRawIntBits(f));
                }
            }
            default -> throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeLong(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }
}
