package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gannet.kernels.arch.Activation;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeConfig;
import dev.gannet.kernels.arch.RopeStyle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Saving and restoring a KV cache: the same values come back whatever room either cache had. */
class KvCacheTest {
    private static final ModelConfig CONFIG = new ModelConfig("test", 384, 1024, 3, 6, 3, 64, 32, 4096, 1e-5f,
            new RopeConfig(RopeStyle.NORMAL, 64, 10000f, 10000f, 1f, 1f), 0.125f, 0f, 0f, 0,
            new boolean[3], new ArchitectureFeatures(RopeStyle.NORMAL, Activation.SILU, false, false, false, false,
            false, false));

    @ParameterizedTest
    @EnumSource(KvCacheType.class)
    void writtenPositionsReadBackIntoACacheOfAnotherSize(KvCacheType type) throws Exception {
        int positions = 301; // not whole tiles, and more than one transfer buffer of data
        KvCache saved = filled(type, 2000, positions, 7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        saved.write(positions, Channels.newChannel(bytes));
        assertEquals(KvCache.bytesFor(CONFIG, positions, type), bytes.size());

        byte[] trailer = {1, 2, 3};
        bytes.write(trailer);
        InputStream stream = new ByteArrayInputStream(bytes.toByteArray());
        ReadableByteChannel in = Channels.newChannel(stream);
        KvCache restored = new KvCache(CONFIG, 320, type);
        restored.read(positions, in);
        assertEquals(3, stream.available(), "what follows the cache is left unread");

        for (int layer = 0; layer < CONFIG.layers(); layer++) {
            for (int head = 0; head < CONFIG.kvHeads(); head++) {
                for (int p = 0; p < positions; p++) {
                    for (int i = 0; i < CONFIG.headDim(); i++) {
                        int savedKey = saved.keyTile(head, p) + i * KvCache.TILE + p % KvCache.TILE;
                        int restoredKey = restored.keyTile(head, p) + i * KvCache.TILE + p % KvCache.TILE;
                        assertEquals(key(saved, layer, savedKey), key(restored, layer, restoredKey));
                        assertEquals(value(saved, layer, saved.value(head, p) + i),
                                value(restored, layer, restored.value(head, p) + i));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KvCacheType.class)
    void aShortFileIsAnError(KvCacheType type) throws Exception {
        KvCache saved = filled(type, 100, 90, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        saved.write(90, Channels.newChannel(bytes));
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 10);
        KvCache restored = new KvCache(CONFIG, 100, type);
        assertThrows(EOFException.class,
                () -> restored.read(90, Channels.newChannel(new ByteArrayInputStream(cut))));
    }

    private static KvCache filled(KvCacheType type, int capacity, int positions, long seed) {
        KvCache cache = new KvCache(CONFIG, capacity, type);
        cache.reserve(positions);
        SplittableRandom random = new SplittableRandom(seed);
        float[] k = new float[CONFIG.kvDim()];
        float[] v = new float[CONFIG.kvDim()];
        for (int layer = 0; layer < CONFIG.layers(); layer++) {
            for (int p = 0; p < positions; p++) {
                for (int i = 0; i < k.length; i++) {
                    k[i] = (float) random.nextGaussian();
                    v[i] = (float) random.nextGaussian();
                }
                cache.store(layer, p, k, 0, v, 0);
            }
        }
        return cache;
    }

    private static float key(KvCache cache, int layer, int index) {
        return cache.type == KvCacheType.F16 ? Float.float16ToFloat(cache.halfKeys[layer][index])
                : cache.keys[layer][index];
    }

    private static float value(KvCache cache, int layer, int index) {
        return cache.type == KvCacheType.F16 ? Float.float16ToFloat(cache.halfValues[layer][index])
                : cache.values[layer][index];
    }
}
