package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.arch.Activation;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeConfig;
import dev.gannet.kernels.arch.RopeStyle;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Attention over the half-precision cache against the textbook computation in double precision
 * (scores, softmax, weighted values) over the same half-precision keys and values: the tiled,
 * online softmax and the split of decode into tiles must give the same result within float error.
 */
class AttentionTest {
    private static final ThreadTeam TEAM = new ThreadTeam(2);

    @AfterAll
    static void close() {
        TEAM.close();
    }

    @ParameterizedTest(name = "heads {0}/{1} × {2}, {3} cached + {4} new, window {5}, softcap {6}")
    @CsvSource({
            // decode: one token after a long context (split into tiles, merged by the caller)
            "9, 3, 64, 639, 1, 0, 0",
            // decode on a context shorter than a tile, and exactly one tile plus one
            "9, 3, 64, 10, 1, 0, 0",
            "4, 4, 64, 64, 1, 0, 0",
            // prefill: a batch attending causally to itself and to what was cached
            "9, 3, 64, 0, 80, 0, 0",
            "8, 2, 64, 150, 40, 0, 0",
            // head widths that are not a multiple of four vectors, and tiny ones
            "6, 2, 80, 200, 1, 0, 0",
            "4, 1, 8, 30, 13, 0, 0",
            // sliding window (decode and prefill) and Gemma-2-style soft-capped scores
            "8, 4, 64, 500, 1, 100, 0",
            "8, 4, 64, 100, 50, 70, 0",
            "8, 4, 64, 300, 1, 0, 50",
            "8, 4, 64, 20, 30, 0, 50",
    })
    void matchesTheTextbookComputation(int heads, int kvHeads, int headDim, int cached, int count, int window,
                                       float softcap) {
        for (KvCacheType type : KvCacheType.values()) {
            check(type, heads, kvHeads, headDim, cached, count, window, softcap);
        }
    }

    private static void check(KvCacheType type, int heads, int kvHeads, int headDim, int cached, int count, int window,
                              float softcap) {
        ModelConfig config = config(heads, kvHeads, headDim, window, softcap);
        int positions = cached + count;
        KvCache cache = new KvCache(config, positions, type);
        cache.reserve(positions);
        SplittableRandom random = new SplittableRandom(positions * 31L + heads);
        int kvDim = config.kvDim();
        float[][] k = new float[positions][kvDim];
        float[][] v = new float[positions][kvDim];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < kvDim; i++) {
                k[p][i] = (float) random.nextGaussian();
                v[p][i] = (float) random.nextGaussian();
            }
            cache.store(0, p, k[p], 0, v[p], 0);
        }
        float[] q = new float[count * config.queryDim()];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) random.nextGaussian();
        }
        float[] out = new float[q.length];
        new Attention(config, TEAM.size()).run(TEAM, cache, 0, q, out, count, cached, window > 0);

        double worst = 0;
        for (int t = 0; t < count; t++) {
            int position = cached + t;
            int first = window > 0 ? Math.max(0, position - window + 1) : 0;
            for (int h = 0; h < heads; h++) {
                int kvOffset = (h / config.kvMul()) * headDim;
                int qBase = t * config.queryDim() + h * headDim;
                double[] score = new double[position + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int p = first; p <= position; p++) {
                    double s = 0;
                    for (int i = 0; i < headDim; i++) {
                        s += q[qBase + i] * stored(type, k[p][kvOffset + i]);
                    }
                    s *= config.attentionScale();
                    if (softcap > 0) {
                        s = softcap * Math.tanh(s / softcap);
                    }
                    score[p] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int p = first; p <= position; p++) {
                    score[p] = Math.exp(score[p] - max);
                    sum += score[p];
                }
                for (int i = 0; i < headDim; i++) {
                    double expected = 0;
                    for (int p = first; p <= position; p++) {
                        expected += score[p] / sum * stored(type, v[p][kvOffset + i]);
                    }
                    worst = Math.max(worst, Math.abs(expected - out[qBase + i]));
                }
            }
        }
        assertTrue(worst < 2e-5, type + ": largest difference " + worst);
    }

    @Test
    void keysAndValuesAreStoredAsHalfPrecisionAndSurviveGrowth() {
        ModelConfig config = config(4, 2, 16, 0, 0);
        KvCache cache = new KvCache(config, 1000, KvCacheType.F16);
        float[] k = new float[config.kvDim()];
        float[] v = new float[config.kvDim()];
        for (int p = 0; p < 600; p++) {
            if (p == 256 || p == 512) {
                cache.reserve(p + 1);
            }
            for (int i = 0; i < k.length; i++) {
                k[i] = p + i / 64f;
                v[i] = -p - i / 32f;
            }
            cache.store(1, p, k, 0, v, 0);
        }
        // Room for the capacity rounded up to whole tiles; every head's keys in tiles, transposed.
        assertEquals(1024, cache.allocated());
        for (int p : new int[] {0, 63, 64, 255, 256, 511, 599}) {
            for (int head = 0; head < 2; head++) {
                for (int i = 0; i < 16; i++) {
                    int row = head * 16 + i;
                    int key = (head * 1024 + p / 64 * 64) * 16 + i * 64 + p % 64;
                    assertEquals(half(p + row / 64f), Float.float16ToFloat(cache.halfKeys[1][key]));
                    assertEquals(half(-p - row / 32f),
                            Float.float16ToFloat(cache.halfValues[1][(head * 1024 + p) * 16 + i]));
                }
            }
        }
    }

    private static float stored(KvCacheType type, float value) {
        return type == KvCacheType.F16 ? half(value) : value;
    }

    private static float half(float value) {
        return Float.float16ToFloat(Float.floatToFloat16(value));
    }

    private static ModelConfig config(int heads, int kvHeads, int headDim, int window, float softcap) {
        ArchitectureFeatures features = new ArchitectureFeatures(RopeStyle.NORMAL, Activation.SILU, false, false,
                false, false, false, false);
        return new ModelConfig("test", heads * headDim, 4 * heads * headDim, 2, heads, kvHeads, headDim, 32, 4096,
                1e-5f, new RopeConfig(RopeStyle.NORMAL, headDim, 10000f, 10000f, 1f, 1f),
                (float) (1 / Math.sqrt(headDim)), softcap, 0f, window, new boolean[] {window > 0, window > 0},
                features);
    }
}
