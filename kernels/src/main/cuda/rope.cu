// RoPE of one token's Q and K, then K and V written into the layer's cache at the position.
// The position is read from device memory, so a captured CUDA graph replays for every token.
// One thread per rotated pair; grid.x covers (heads + kv_heads) * pairs.
#include "common.cuh"

extern "C" __global__ void rope_kv_write(float* __restrict__ q, float* __restrict__ k, const float* __restrict__ v,
                                         const float* __restrict__ frequencies, const int* __restrict__ position,
                                         float* __restrict__ key_cache, float* __restrict__ value_cache,
                                         int heads, int kv_heads, int head_dim, int pairs, int neox) {
    int pos = *position;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int kv_dim = kv_heads * head_dim;
    if (i < kv_dim) {
        // Values are not rotated: copy them as they are. [pos][kv_dim] in this layer's cache.
        value_cache[(long) pos * kv_dim + i] = v[i];
    }
    if (i >= (heads + kv_heads) * pairs) return;
    int head = i / pairs;
    int pair = i % pairs;
    bool is_key = head >= heads;
    float* base = is_key ? k + (head - heads) * head_dim : q + head * head_dim;
    // NORMAL rotates adjacent pairs; NEOX pairs dimension i with i + pairs. The angle in double, as
    // the CPU path computes it: at position 4000 a float angle is off by ~2e-4 rad.
    int a = neox ? pair : 2 * pair;
    int b = neox ? pair + pairs : 2 * pair + 1;
    double angle = (double) pos * (double) frequencies[pair];
    float c = (float) cos(angle);
    float s = (float) sin(angle);
    float x0 = base[a];
    float x1 = base[b];
    base[a] = x0 * c - x1 * s;
    base[b] = x0 * s + x1 * c;
    if (is_key) {
        float* dst = key_cache + (long) pos * kv_dim + (head - heads) * head_dim;
        dst[a] = base[a];
        dst[b] = base[b];
    }
}

// Dimensions past the rotated ones (partial rotary, Phi-3) go into the key cache unchanged.
extern "C" __global__ void kv_write_unrotated(const float* __restrict__ k, const int* __restrict__ position,
                                              float* __restrict__ key_cache, int kv_heads, int head_dim,
                                              int rope_dims) {
    int pos = *position;
    int rest = head_dim - rope_dims;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= kv_heads * rest) return;
    int head = i / rest;
    int d = rope_dims + i % rest;
    int kv_dim = kv_heads * head_dim;
    key_cache[(long) pos * kv_dim + head * head_dim + d] = k[head * head_dim + d];
}
