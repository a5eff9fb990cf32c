// Split-KV flash-decode attention for one query token at the position read from device memory.
// Pass 1: grid (heads, splits), one warp per (head, split): the split's range of cached positions
// with an online softmax, leaving a running max m, a sum l and an unnormalised output per split.
// Pass 2: grid (heads): the splits merged, rescaled to the common max.
// Caches: [ctx][kv_heads * head_dim] floats for this layer. head_dim <= 256 (8 values per lane).
#include "common.cuh"

#define MAX_PER_LANE 8

extern "C" __global__ void attention_split(const float* __restrict__ q, const float* __restrict__ key_cache,
                                           const float* __restrict__ value_cache, const int* __restrict__ position,
                                           float* __restrict__ part_max, float* __restrict__ part_sum,
                                           float* __restrict__ part_out, int heads, int kv_heads, int head_dim,
                                           float scale, int window) {
    int head = blockIdx.x;
    int split = blockIdx.y;
    int splits = gridDim.y;
    int lane = threadIdx.x;
    int pos = *position;
    // Sliding-window layers see only the last `window` positions; window 0 means all of them.
    int first_visible = window > 0 && pos + 1 > window ? pos + 1 - window : 0;
    int visible = pos + 1 - first_visible;
    int per_split = (visible + splits - 1) / splits;
    int from = first_visible + split * per_split;
    int to = min(from + per_split, pos + 1);

    int kv_head = head / (heads / kv_heads);
    int kv_dim = kv_heads * head_dim;
    int per_lane = (head_dim + WARP - 1) / WARP;
    float qv[MAX_PER_LANE];
    float acc[MAX_PER_LANE];
    for (int j = 0; j < MAX_PER_LANE; j++) {
        int d = lane + j * WARP;
        qv[j] = j < per_lane && d < head_dim ? q[head * head_dim + d] : 0.0f;
        acc[j] = 0.0f;
    }
    float m = -3.402823466e38f;
    float l = 0.0f;
    for (int t = from; t < to; t++) {
        const float* key = key_cache + (long) t * kv_dim + kv_head * head_dim;
        float partial = 0.0f;
        for (int j = 0; j < per_lane; j++) {
            int d = lane + j * WARP;
            if (d < head_dim) partial += qv[j] * key[d];
        }
        float score = warp_sum(partial) * scale;
        float new_max = fmaxf(m, score);
        float correction = expf(m - new_max);
        float weight = expf(score - new_max);
        l = l * correction + weight;
        const float* value = value_cache + (long) t * kv_dim + kv_head * head_dim;
        for (int j = 0; j < per_lane; j++) {
            int d = lane + j * WARP;
            if (d < head_dim) acc[j] = acc[j] * correction + weight * value[d];
        }
        m = new_max;
    }
    int slot = head * splits + split;
    if (lane == 0) {
        part_max[slot] = m;
        part_sum[slot] = l;
    }
    for (int j = 0; j < per_lane; j++) {
        int d = lane + j * WARP;
        if (d < head_dim) part_out[(long) slot * head_dim + d] = acc[j];
    }
}

extern "C" __global__ void attention_merge(const float* __restrict__ part_max, const float* __restrict__ part_sum,
                                           const float* __restrict__ part_out, float* __restrict__ out,
                                           int splits, int head_dim) {
    int head = blockIdx.x;
    float m = -3.402823466e38f;
    for (int s = 0; s < splits; s++) {
        // An empty split (l == 0) has no positions and must not set the maximum.
        if (part_sum[head * splits + s] > 0.0f) m = fmaxf(m, part_max[head * splits + s]);
    }
    float total = 0.0f;
    for (int s = 0; s < splits; s++) {
        float l = part_sum[head * splits + s];
        if (l > 0.0f) total += l * expf(part_max[head * splits + s] - m);
    }
    for (int d = threadIdx.x; d < head_dim; d += blockDim.x) {
        float sum = 0.0f;
        for (int s = 0; s < splits; s++) {
            int slot = head * splits + s;
            if (part_sum[slot] > 0.0f) sum += part_out[(long) slot * head_dim + d] * expf(part_max[slot] - m);
        }
        out[head * head_dim + d] = sum / total;
    }
}
