package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.tensor.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Causal (and, on sliding-window layers, windowed) attention of every query head of a batch over
 * the KV cache, split among the team. A long-lived object per session: nothing is allocated per
 * token (the arrays that follow the context grow only when a longer one comes).
 *
 * <p>For query head h of the token at position p: scores over cached positions j ≤ p (within the
 * window when sliding), scaled, soft-capped when the model does, softmax, then the weighted sum of
 * the values. Positions are visited in tiles of {@link #TILE}: a tile of one KV head's keys and
 * values (each one contiguous run in the cache) is widened to floats once, into a member's own
 * buffers (small enough for L1), and then serves every query head of the group sharing that KV head
 * (grouped-query attention); an F32 cache is read in place. A batch of several tokens (prefill)
 * would widen every tile once per token, so it first widens the layer's tiles once, in parallel,
 * into float arrays of the cache's layout, and its items read those. The softmax is computed
 * online, tile by tile (running maximum, sum and weighted values, rescaled when the maximum grows),
 * as flash attention does, so no score buffer grows with the context.
 *
 * <p>Work items are (token, KV head). When a batch has too few of those to keep the team busy —
 * decode: one token, a few KV heads — each item is cut further into one tile of positions; every
 * tile leaves its partial maximum, sum and weighted values, and the caller merges them per head
 * ({@link #combine}). Tokens are ordered first, last, second, second-to-last, … so that under the
 * causal mask the team's shares of the items cost about the same.
 */
final class Attention implements ThreadTeam.RangeBody {
    /** Positions per tile (the cache's key layout): a tile of 64-wide keys and values in float is 32 KB, within L1. */
    static final int TILE = KvCache.TILE;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = F.length();
    /** Items per team member below which the positions of an item are split into tiles too. */
    private static final int ITEMS_PER_MEMBER = 4;

    private final ModelConfig config;
    private final int teamSize;
    /** [member][headDim * TILE] the tile's keys in float, transposed as in the cache */
    private final float[][] keyTile;
    /** [member][TILE * headDim] the tile's values in float */
    private final float[][] valueTile;
    /** [member][kvMul * TILE] scores, then softmax weights, of the group's heads */
    private final float[][] scores;
    /** [member][kvMul] running maximum of each head's scores */
    private final float[][] runningMax;
    /** [member][kvMul] running Σ e^(score - max) */
    private final float[][] runningSum;
    /** [member][kvMul * headDim] running Σ e^(score - max) · value */
    private final float[][] runningValues;
    /** Split items' results, [token][head][tile] (values × headDim); grown when a longer context comes. */
    private float[] partialMax = new float[0];
    private float[] partialSum = new float[0];
    private float[] partialValues = new float[0];

    private float[] q;
    private float[] out;
    private boolean half;
    private short[] halfKeys;
    private short[] halfValues;
    private float[] keys;
    private float[] values;
    private KvCache cache;
    private int start;
    private int count;
    private boolean sliding;
    private boolean split;
    private int tiles;
    /**
     * A batch's layer widened to floats before its items start, in the cache's layout, when an F16
     * cache is read by many tokens: each tile is then converted once per layer rather than once per
     * token. Grown with the cache; reused by every layer.
     */
    private float[] wideKeys = new float[0];
    private float[] wideValues = new float[0];
    private boolean widened;
    private final ThreadTeam.RangeBody widenTiles = this::widenTiles;

    Attention(ModelConfig config, int teamSize) {
        this.config = config;
        this.teamSize = teamSize;
        int headDim = config.headDim();
        int kvMul = config.kvMul();
        keyTile = new float[teamSize][headDim * TILE];
        valueTile = new float[teamSize][TILE * headDim];
        scores = new float[teamSize][kvMul * TILE];
        runningMax = new float[teamSize][kvMul];
        runningSum = new float[teamSize][kvMul];
        runningValues = new float[teamSize][kvMul * headDim];
    }

    /**
     * @param q   [count][heads * headDim] queries, RoPE applied
     * @param out [count][heads * headDim] attention output
     */
    void run(ThreadTeam team, KvCache cache, int layer, float[] q, float[] out, int count, int start, boolean sliding) {
        ModelConfig c = config;
        this.q = q;
        this.out = out;
        this.half = cache.type == KvCacheType.F16;
        this.halfKeys = half ? cache.halfKeys[layer] : null;
        this.halfValues = half ? cache.halfValues[layer] : null;
        this.keys = half ? null : cache.keys[layer];
        this.values = half ? null : cache.values[layer];
        this.cache = cache;
        this.start = start;
        this.count = count;
        this.sliding = sliding;
        int end = start + count;
        int items = count * c.kvHeads();
        this.split = items < ITEMS_PER_MEMBER * teamSize && end > TILE;
        // Work per item, for the team's split decision: keys and values of every position, per head.
        long work = (long) end * c.headDim() * 2 * c.kvMul();
        this.tiles = (end + TILE - 1) / TILE;
        this.widened = half && !split && count > 1;
        if (widened) {
            int size = cache.allocated() * c.kvDim();
            if (wideKeys.length < size) {
                wideKeys = new float[size];
                wideValues = new float[size];
            }
            team.parallelFor(c.kvHeads() * tiles, (long) TILE * c.headDim() * 2, widenTiles);
        }
        if (split) {
            reservePartials(count * c.heads() * tiles);
            team.parallelFor(items * tiles, work / tiles, this);
            combine();
        } else {
            team.parallelFor(items, work, this);
        }
    }

    /** Widens tiles [from, to) of (KV head, tile) pairs, positions [0, start + count), into the wide arrays. */
    private void widenTiles(int member, int from, int to) {
        int headDim = config.headDim();
        int end = start + count;
        for (int item = from; item < to; item++) {
            int group = item / tiles;
            int first = item % tiles * TILE;
            int keyStart = cache.keyTile(group, first);
            widen(halfKeys, keyStart, wideKeys, keyStart, headDim * TILE);
            int valueStart = cache.value(group, first);
            widen(halfValues, valueStart, wideValues, valueStart, (Math.min(end, first + TILE) - first) * headDim);
        }
    }

    @Override
    public void run(int member, int from, int to) {
        ModelConfig c = config;
        int groups = c.kvHeads();
        for (int item = from; item < to; item++) {
            int tile = split ? item % tiles : 0;
            int pair = split ? item / tiles : item;
            int group = pair % groups;
            int t = token(pair / groups);
            int position = start + t;
            // Positions this query sees: all up to itself, or the last `window` on sliding layers.
            int first = sliding ? Math.max(0, position - c.slidingWindow() + 1) : 0;
            int last = position + 1;
            begin(member);
            if (split) {
                int from0 = Math.max(first, tile * TILE);
                int to0 = Math.min(last, (tile + 1) * TILE);
                if (from0 < to0) {
                    accumulate(member, t, group, from0, to0);
                }
                savePartial(member, t, group, tile);
            } else {
                // Tile by tile of the cache's layout: a window's first position need not start one.
                for (int p = first; p < last; ) {
                    int end = Math.min(last, (p / TILE + 1) * TILE);
                    accumulate(member, t, group, p, end);
                    p = end;
                }
                finish(member, t, group);
            }
        }
    }

    private void begin(int member) {
        java.util.Arrays.fill(runningMax[member], Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(runningSum[member], 0f);
        java.util.Arrays.fill(runningValues[member], 0f);
    }

    /**
     * Folds positions [from, to), within one tile of the cache, of KV head {@code group} into the
     * running state of its query heads.
     */
    private void accumulate(int member, int t, int group, int from, int to) {
        ModelConfig c = config;
        int headDim = c.headDim();
        int kvMul = c.kvMul();
        int n = to - from;
        // Keys of the tile from its first position (which need not be the tile's first), values likewise.
        int keyStart = cache.keyTile(group, from) + from % TILE;
        int valueStart = cache.value(group, from);
        float[] kt;
        float[] vt;
        int kBase;
        int vBase;
        if (half && !widened) {
            kt = keyTile[member];
            vt = valueTile[member];
            widen(halfKeys, keyStart, kt, 0, headDim * TILE - from % TILE);
            widen(halfValues, valueStart, vt, 0, n * headDim);
            kBase = 0;
            vBase = 0;
        } else {
            kt = widened ? wideKeys : keys;
            vt = widened ? wideValues : values;
            kBase = keyStart;
            vBase = valueStart;
        }
        float[] score = scores[member];
        for (int h = 0; h < kvMul; h++) {
            int head = group * kvMul + h;
            int qBase = t * c.queryDim() + head * headDim;
            int sBase = h * TILE;
            scores(q, qBase, kt, kBase, n, score, sBase);
            float tileMax = scaleAndMax(score, sBase, n);
            float previous = runningMax[member][h];
            float max = Math.max(previous, tileMax);
            // Earlier tiles' sums and values were relative to the old maximum: rescale them.
            float rescale = previous == Float.NEGATIVE_INFINITY ? 0f : (float) Math.exp(previous - max);
            float sum = exponentiate(score, sBase, n, max);
            runningMax[member][h] = max;
            runningSum[member][h] = runningSum[member][h] * rescale + sum;
            weightedValues(score, sBase, n, vt, vBase, rescale, runningValues[member], h * headDim);
        }
    }

    /**
     * to[at, at + count) = from[start, start + count) widened from half precision. A plain loop over
     * one contiguous run: C2 compiles Float.float16ToFloat over arrays into vector conversions, but
     * only in a loop long enough to reach its unrolled vector body, so the layout keeps a tile in one
     * run.
     */
    private static void widen(short[] from, int start, float[] to, int at, int count) {
        for (int j = 0; j < count; j++) {
            to[at + j] = Float.float16ToFloat(from[start + j]);
        }
    }

    /**
     * score[sBase + j] = q · key_j for j in [0, n), the keys transposed from kt[kBase] with a stride of
     * TILE: each query element multiplies a run of the tile's positions; four runs of LANES at a
     * time, so four independent FMA chains hide the FMA latency.
     */
    private void scores(float[] q, int qBase, float[] kt, int kBase, int n, float[] score, int sBase) {
        int headDim = config.headDim();
        int j = 0;
        for (; j + 4 * LANES <= n; j += 4 * LANES) {
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            FloatVector a2 = FloatVector.zero(F);
            FloatVector a3 = FloatVector.zero(F);
            for (int i = 0; i < headDim; i++) {
                FloatVector qi = FloatVector.broadcast(F, q[qBase + i]);
                int k = kBase + i * TILE + j;
                a0 = FloatVector.fromArray(F, kt, k).fma(qi, a0);
                a1 = FloatVector.fromArray(F, kt, k + LANES).fma(qi, a1);
                a2 = FloatVector.fromArray(F, kt, k + 2 * LANES).fma(qi, a2);
                a3 = FloatVector.fromArray(F, kt, k + 3 * LANES).fma(qi, a3);
            }
            a0.intoArray(score, sBase + j);
            a1.intoArray(score, sBase + j + LANES);
            a2.intoArray(score, sBase + j + 2 * LANES);
            a3.intoArray(score, sBase + j + 3 * LANES);
        }
        for (; j + LANES <= n; j += LANES) {
            FloatVector acc = FloatVector.zero(F);
            for (int i = 0; i < headDim; i++) {
                acc = FloatVector.fromArray(F, kt, kBase + i * TILE + j).fma(FloatVector.broadcast(F, q[qBase + i]), acc);
            }
            acc.intoArray(score, sBase + j);
        }
        for (; j < n; j++) {
            float sum = 0;
            for (int i = 0; i < headDim; i++) {
                sum += q[qBase + i] * kt[kBase + i * TILE + j];
            }
            score[sBase + j] = sum;
        }
    }

    /** Scales (and soft-caps) score[sBase, sBase + n) in place; returns its maximum. */
    private float scaleAndMax(float[] score, int sBase, int n) {
        float scale = config.attentionScale();
        float cap = config.attnSoftcap();
        float max = Float.NEGATIVE_INFINITY;
        int j = 0;
        if (cap <= 0) {
            FloatVector top = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            for (; j + LANES <= n; j += LANES) {
                FloatVector s = FloatVector.fromArray(F, score, sBase + j).mul(scale);
                s.intoArray(score, sBase + j);
                top = top.max(s);
            }
            max = top.reduceLanes(VectorOperators.MAX);
        }
        for (; j < n; j++) {
            float s = score[sBase + j] * scale;
            if (cap > 0) {
                s = cap * (float) Math.tanh(s / cap);
            }
            score[sBase + j] = s;
            max = Math.max(max, s);
        }
        return max;
    }

    /** score = e^(score - max) in place over [sBase, sBase + n); returns the sum. */
    private static float exponentiate(float[] score, int sBase, int n, float max) {
        FloatVector sums = FloatVector.zero(F);
        int j = 0;
        for (; j + LANES <= n; j += LANES) {
            FloatVector e = VectorMath.exp(FloatVector.fromArray(F, score, sBase + j).sub(max));
            e.intoArray(score, sBase + j);
            sums = sums.add(e);
        }
        float sum = sums.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            float e = (float) Math.exp(score[sBase + j] - max);
            score[sBase + j] = e;
            sum += e;
        }
        return sum;
    }

    /**
     * acc[aBase ..] = acc · rescale + Σ_j weight_j · value_j over the tile's n positions: four
     * vectors of the head at a time stay in registers across the positions, in two sets of
     * accumulators (even and odd positions) so consecutive positions' FMAs do not wait on each other.
     */
    private void weightedValues(float[] weight, int sBase, int n, float[] vt, int vBase, float rescale, float[] acc,
                                int aBase) {
        int headDim = config.headDim();
        int i = 0;
        for (; i + 4 * LANES <= headDim; i += 4 * LANES) {
            int o = aBase + i;
            FloatVector a0 = FloatVector.fromArray(F, acc, o).mul(rescale);
            FloatVector a1 = FloatVector.fromArray(F, acc, o + LANES).mul(rescale);
            FloatVector a2 = FloatVector.fromArray(F, acc, o + 2 * LANES).mul(rescale);
            FloatVector a3 = FloatVector.fromArray(F, acc, o + 3 * LANES).mul(rescale);
            FloatVector b0 = FloatVector.zero(F);
            FloatVector b1 = FloatVector.zero(F);
            FloatVector b2 = FloatVector.zero(F);
            FloatVector b3 = FloatVector.zero(F);
            int j = 0;
            for (; j + 1 < n; j += 2) {
                FloatVector w = FloatVector.broadcast(F, weight[sBase + j]);
                int v = vBase + j * headDim + i;
                a0 = FloatVector.fromArray(F, vt, v).fma(w, a0);
                a1 = FloatVector.fromArray(F, vt, v + LANES).fma(w, a1);
                a2 = FloatVector.fromArray(F, vt, v + 2 * LANES).fma(w, a2);
                a3 = FloatVector.fromArray(F, vt, v + 3 * LANES).fma(w, a3);
                FloatVector u = FloatVector.broadcast(F, weight[sBase + j + 1]);
                int next = v + headDim;
                b0 = FloatVector.fromArray(F, vt, next).fma(u, b0);
                b1 = FloatVector.fromArray(F, vt, next + LANES).fma(u, b1);
                b2 = FloatVector.fromArray(F, vt, next + 2 * LANES).fma(u, b2);
                b3 = FloatVector.fromArray(F, vt, next + 3 * LANES).fma(u, b3);
            }
            if (j < n) {
                FloatVector w = FloatVector.broadcast(F, weight[sBase + j]);
                int v = vBase + j * headDim + i;
                a0 = FloatVector.fromArray(F, vt, v).fma(w, a0);
                a1 = FloatVector.fromArray(F, vt, v + LANES).fma(w, a1);
                a2 = FloatVector.fromArray(F, vt, v + 2 * LANES).fma(w, a2);
                a3 = FloatVector.fromArray(F, vt, v + 3 * LANES).fma(w, a3);
            }
            a0.add(b0).intoArray(acc, o);
            a1.add(b1).intoArray(acc, o + LANES);
            a2.add(b2).intoArray(acc, o + 2 * LANES);
            a3.add(b3).intoArray(acc, o + 3 * LANES);
        }
        if (i < headDim) {
            // Head widths that are not a multiple of four vectors: the rest one position at a time.
            for (int d = aBase + i; d < aBase + headDim; d++) {
                acc[d] *= rescale;
            }
            for (int j = 0; j < n; j++) {
                VectorMath.axpy(weight[sBase + j], vt, vBase + j * headDim + i, acc, aBase + i, headDim - i);
            }
        }
    }

    /** out = running values / running sum for each query head of the group. */
    private void finish(int member, int t, int group) {
        ModelConfig c = config;
        int headDim = c.headDim();
        int kvMul = c.kvMul();
        float[] acc = runningValues[member];
        for (int h = 0; h < kvMul; h++) {
            float norm = 1f / runningSum[member][h];
            int o = t * c.queryDim() + (group * kvMul + h) * headDim;
            for (int i = 0; i < headDim; i++) {
                out[o + i] = acc[h * headDim + i] * norm;
            }
        }
    }

    /** Keeps one tile's running state of the group's heads (an empty tile leaves max -∞ and sum 0). */
    private void savePartial(int member, int t, int group, int tile) {
        ModelConfig c = config;
        int headDim = c.headDim();
        int kvMul = c.kvMul();
        for (int h = 0; h < kvMul; h++) {
            int slot = (t * c.heads() + group * kvMul + h) * tiles + tile;
            partialMax[slot] = runningMax[member][h];
            partialSum[slot] = runningSum[member][h];
            System.arraycopy(runningValues[member], h * headDim, partialValues, slot * headDim, headDim);
        }
    }

    /** Merges the tiles of every (token, head): each tile's sum and values rescaled to the largest maximum. */
    private void combine() {
        ModelConfig c = config;
        int headDim = c.headDim();
        for (int th = 0; th < count * c.heads(); th++) {
            int base = th * tiles;
            float max = Float.NEGATIVE_INFINITY;
            for (int tile = 0; tile < tiles; tile++) {
                max = Math.max(max, partialMax[base + tile]);
            }
            int o = th * headDim;
            java.util.Arrays.fill(out, o, o + headDim, 0f);
            float sum = 0;
            for (int tile = 0; tile < tiles; tile++) {
                float s = partialSum[base + tile];
                if (s == 0f) {
                    continue;
                }
                float weight = (float) Math.exp(partialMax[base + tile] - max);
                sum += s * weight;
                VectorMath.axpy(weight, partialValues, (base + tile) * headDim, out, o, headDim);
            }
            float norm = 1f / sum;
            for (int i = 0; i < headDim; i++) {
                out[o + i] *= norm;
            }
        }
    }

    private void reservePartials(int slots) {
        if (partialMax.length < slots) {
            partialMax = new float[slots];
            partialSum = new float[slots];
            partialValues = new float[slots * config.headDim()];
        }
    }

    /**
     * The token of the k-th slot of the work order 0, n-1, 1, n-2, …: under the causal mask a token's
     * work grows with its position, so first and last tokens alternate and the team's contiguous
     * shares of the items cost about the same.
     */
    private int token(int k) {
        return (k & 1) == 0 ? k >> 1 : count - 1 - (k >> 1);
    }
}
