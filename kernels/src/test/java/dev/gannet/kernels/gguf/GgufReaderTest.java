package dev.gannet.kernels.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.testing.SharedFixtures;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufReaderTest {
    @TempDir
    Path temp;

    @Test
    void readsFixtureMetadataAndTensors() {
        try (GgufFile file = GgufReader.open(SharedFixtures.model("llama-s7-q4_0.gguf"))) {
            assertEquals(3, file.version());
            GgufMetadata meta = file.metadata();
            assertEquals("llama", meta.getString("general.architecture"));
            assertEquals(256, meta.getInt("llama.embedding_length"));
            assertEquals(2, meta.getInt("llama.block_count"));
            assertEquals(512, meta.findStringArray("tokenizer.ggml.tokens").orElseThrow().length);
            assertEquals("<s>", meta.findStringArray("tokenizer.ggml.tokens").orElseThrow()[1]);
            GgufTensorInfo q = file.tensor("blk.0.attn_q.weight");
            assertEquals(GgmlType.Q4_0, q.type());
            assertArrayEquals(new long[] {256, 256}, q.shape());
            assertEquals(256L * 256 / 32 * 18, q.data().byteSize());
            assertTrue(file.findTensor("no.such.tensor").isEmpty());
            GgufFormatException missing = assertThrows(GgufFormatException.class, () -> file.tensor("no.such.tensor"));
            assertTrue(missing.getMessage().contains("'no.such.tensor' is missing"));
        }
    }

    @Test
    void writerAndReaderAgreeOnEveryValueType() throws IOException {
        GgufWriter writer = new GgufWriter()
                .put("u8", GgufValueType.UINT8, 250L)
                .put("i8", GgufValueType.INT8, -7L)
                .put("u16", GgufValueType.UINT16, 65000L)
                .put("i16", GgufValueType.INT16, -30000L)
                .putUInt32("u32", 4_000_000_000L)
                .putInt32("i32", -123456)
                .put("u64", GgufValueType.UINT64, 1L << 40)
                .put("i64", GgufValueType.INT64, -(1L << 40))
                .putFloat32("f32", 1.5f)
                .put("f64", GgufValueType.FLOAT64, 2.25)
                .putBool("bool", true)
                .putString("str", "héllo ▁ <|im_start|>")
                .putArray("ints", new GgufArray(GgufValueType.INT32, new int[] {1, -2, 3}))
                .putArray("u32s", new GgufArray(GgufValueType.UINT32, new long[] {1, 4_000_000_000L}))
                .putArray("floats", new GgufArray(GgufValueType.FLOAT32, new float[] {0.5f, -1f}))
                .putArray("strings", new GgufArray(GgufValueType.STRING, new String[] {"a", "", "ü"}))
                .putArray("bools", new GgufArray(GgufValueType.BOOL, new boolean[] {true, false}))
                .putArray("nested", new GgufArray(GgufValueType.ARRAY, List.of(
                        new GgufArray(GgufValueType.INT32, new int[] {7}),
                        new GgufArray(GgufValueType.STRING, new String[] {"x", "y"}))))
                .putUInt32("general.alignment", 64)
                .addTensor("t.one", new long[] {4, 2}, new float[] {1, 2, 3, 4, 5, 6, 7, 8})
                .addTensor("t.two", new long[] {3}, new float[] {9, 10, 11});
        Path path = temp.resolve("all.gguf");
        writer.write(path);
        try (GgufFile file = GgufReader.open(path)) {
            GgufMetadata m = file.metadata();
            assertEquals(250L, m.findLong("u8").orElseThrow());
            assertEquals(-7L, m.findLong("i8").orElseThrow());
            assertEquals(65000L, m.findLong("u16").orElseThrow());
            assertEquals(-30000L, m.findLong("i16").orElseThrow());
            assertEquals(4_000_000_000L, m.findLong("u32").orElseThrow());
            assertEquals(-123456, m.getInt("i32"));
            assertEquals(1L << 40, m.findLong("u64").orElseThrow());
            assertEquals(-(1L << 40), m.findLong("i64").orElseThrow());
            assertEquals(1.5f, m.getFloat("f32"));
            assertEquals(2.25, m.findDouble("f64").orElseThrow());
            assertEquals(true, m.findBoolean("bool").orElseThrow());
            assertEquals("héllo ▁ <|im_start|>", m.getString("str"));
            assertArrayEquals(new int[] {1, -2, 3}, m.findIntArray("ints").orElseThrow());
            assertArrayEquals(new long[] {1, 4_000_000_000L}, (long[]) m.getArray("u32s").values());
            assertArrayEquals(new float[] {0.5f, -1f}, m.findFloatArray("floats").orElseThrow());
            assertArrayEquals(new String[] {"a", "", "ü"}, m.findStringArray("strings").orElseThrow());
            assertArrayEquals(new boolean[] {true, false}, (boolean[]) m.getArray("bools").values());
            List<?> nested = (List<?>) m.getArray("nested").values();
            assertArrayEquals(new int[] {7}, (int[]) ((GgufArray) nested.get(0)).values());
            assertArrayEquals(new String[] {"x", "y"}, (String[]) ((GgufArray) nested.get(1)).values());
            assertEquals(64, file.alignment());
            assertEquals(0, file.dataStart() % 64);
            GgufTensorInfo two = file.tensor("t.two");
            assertEquals(0, two.offset() % 64);
            float[] values = two.data().toArray(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN));
            assertArrayEquals(new float[] {9, 10, 11}, values);
            assertEquals(2, file.tensor("t.one").rowCount());
        }
    }

    @Test
    void wrongTypeAndMissingKeysNameTheKey() {
        GgufFile file = GgufReader.read(MemorySegment.ofArray(new GgufWriter().putString("k", "v").toBytes()), "mem.gguf");
        GgufFormatException wrong = assertThrows(GgufFormatException.class, () -> file.metadata().getInt("k"));
        assertEquals("mem.gguf: metadata key 'k' should be an integer, but is string", wrong.getMessage());
        GgufFormatException missing = assertThrows(GgufFormatException.class, () -> file.metadata().getString("nope"));
        assertEquals("mem.gguf: metadata key 'nope' is missing", missing.getMessage());
    }

    @Test
    void rejectsEmptyMissingDirectoryAndForeignFiles() throws IOException {
        Path empty = Files.createFile(temp.resolve("empty.gguf"));
        assertRejected(empty, "file is empty");
        assertRejected(temp.resolve("absent.gguf"), "no such file");
        assertRejected(temp, "is a directory");
        Path text = Files.writeString(temp.resolve("notes.gguf"), "hello, this is not a model");
        assertRejected(text, "not a GGUF file");
    }

    @Test
    void rejectsBadVersionsAndCounts() {
        byte[] good = new GgufWriter().putString("a", "b").toBytes();
        assertRejected(patch(good, 4, 1, 0, 0, 0), "version 1 is not supported");
        assertRejected(patch(good, 4, 7, 0, 0, 0), "unsupported GGUF version 7");
        assertRejected(patch(good, 4, 0, 0, 0, 3), "big-endian");
        // An absurd metadata count must be refused before anything is allocated for it.
        assertRejected(patch(good, 16, -1, -1, -1, -1, -1, -1, -1, 0x0f), "metadata count");
        assertRejected(patch(good, 8, 0, 0, 0, 0, 0, 0, 0, 0x10), "tensor count");
    }

    @Test
    void rejectsAbsurdStringAndArrayLengths() {
        byte[] good = new GgufWriter().putString("key", "value").toBytes();
        // The key's length field is at byte 24: claim 2^40 bytes.
        assertRejected(patch(good, 24, 0, 0, 0, 0, 1, 0, 0, 0), "truncated");
        byte[] array = new GgufWriter().putArray("arr", new GgufArray(GgufValueType.INT32, new int[] {1, 2})).toBytes();
        // After the key (8 + 3 bytes) and the value type (4) and the element type (4) comes the count.
        int countAt = 24 + 8 + 3 + 4 + 4;
        assertRejected(patch(array, countAt, 0, 0, 0, 0, 0, 0, 0, 0x7f), "cannot fit");
    }

    @Test
    void rejectsTensorsPastTheEndUnknownTypesAndOverflowingShapes() {
        GgufWriter writer = new GgufWriter().addTensor("w", new long[] {8, 2}, new float[16]);
        byte[] good = writer.toBytes();
        int infoAt = 24 + 8 + 1; // header, then the name "w"
        // n_dims (4) + dims (2 x 8) + type (4) + offset (8)
        int typeAt = infoAt + 4 + 16;
        assertRejected(patch(good, typeAt, 99, 0, 0, 0), "unknown tensor type 99");
        assertRejected(patch(good, typeAt + 4, 32, 0, 0, 0), "runs past the end");
        assertRejected(patch(good, infoAt + 4 + 8, 0, 0, 0, 0, 0, 0, 0, 0x40), "overflow");
        assertRejected(patch(good, infoAt, 9, 0, 0, 0), "dimensions");
        assertRejected(Arrays.copyOf(good, good.length - 4), "runs past the end");
        assertRejected(Arrays.copyOf(good, 20), "truncated");
        assertRejected(Arrays.copyOf(good, 30), "tensor count 1 is absurd");
        assertRejected(Arrays.copyOf(good, 60), "truncated");
    }

    @Test
    void rejectsDuplicateKeysAndMisalignment() {
        byte[] twoKeys = new GgufWriter().putString("aa", "x").putString("ab", "y").toBytes();
        // Rename the second key "ab" to "aa".
        int secondKey = 24 + (8 + 2 + 4 + 8 + 1) + 8;
        assertRejected(patch(twoKeys, secondKey + 1, 'a'), "duplicate metadata key 'aa'");
        byte[] badAlignment = new GgufWriter().putUInt32("general.alignment", 24).toBytes();
        assertRejected(badAlignment, "not a power of two");
    }

    @Test
    void everyTruncationOfARealHeaderIsRejectedCleanly() throws IOException {
        byte[] file = Files.readAllBytes(SharedFixtures.model("llama-s7-q4_0.gguf"));
        GgufFile whole = GgufReader.read(MemorySegment.ofArray(file), "whole");
        int headerEnd = (int) whole.dataStart();
        for (int length = 0; length < headerEnd; length += 97) {
            byte[] cut = Arrays.copyOf(file, length);
            assertThrows(GgufFormatException.class, () -> GgufReader.read(MemorySegment.ofArray(cut), "cut"),
                    "truncated at " + length);
        }
    }

    private static byte[] patch(byte[] bytes, int at, int... values) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[at + i] = (byte) values[i];
        }
        return copy;
    }

    private static void assertRejected(byte[] bytes, String expected) {
        GgufFormatException e = assertThrows(GgufFormatException.class,
                () -> GgufReader.read(MemorySegment.ofArray(bytes), "bad.gguf"));
        assertTrue(e.getMessage().startsWith("bad.gguf: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private static void assertRejected(Path path, String expected) {
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> GgufReader.open(path));
        assertTrue(e.getMessage().startsWith(path.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
