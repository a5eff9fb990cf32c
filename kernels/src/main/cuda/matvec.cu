// Quantized weights times activations: out[t][r] (+)= W[r] . x[t], one warp per row of W, four rows
// per block of 128 threads. The weights stay in their GGUF block layout (the same bytes the CPU path
// reads, see the dev.gannet.kernels.tensor kernels for each layout); activations come 8-bit-quantized
// by quantize_q8, so each 4 weights x 4 activations is one dp4a.
//
// matvec_*: one token (decode). gemm_*: up to GEMM_TOKENS tokens (prefill): each weight word is
// loaded once and used for every token, which is what makes prefill compute-bound instead of
// bandwidth-bound. accumulate != 0 adds to out instead of overwriting it (projection + residual).
#include "common.cuh"

#define GEMM_TOKENS 8

enum WeightType { Q8_0 = 0, Q4_0 = 1, Q4_K = 2, Q6_K = 3 };

template <int TYPE> __device__ __forceinline__ long row_bytes(int cols) {
    if (TYPE == Q8_0) return (long) (cols / 32) * 34;
    if (TYPE == Q4_0) return (long) (cols / 32) * 18;
    if (TYPE == Q4_K) return (long) (cols / 256) * 144;
    return (long) (cols / 256) * 210;
}

// Work items per row: a 32-weight block for Q8_0 and Q4_0, a 32-weight sub-block for Q4_K,
// a 16-weight sub-block for Q6_K, so a warp has enough items even for short rows.
template <int TYPE> __device__ __forceinline__ int row_items(int cols) {
    if (TYPE == Q8_0 || TYPE == Q4_0) return cols / 32;
    if (TYPE == Q4_K) return cols / 32;
    return cols / 16;
}

// Q4_K's 12-byte field of eight 6-bit scales and eight 6-bit mins (see KScales.java).
__device__ __forceinline__ int k_scale(const u8* f, int j) {
    return j < 4 ? f[j] & 63 : (f[j + 4] & 0xF) | ((f[j - 4] >> 6) << 4);
}

__device__ __forceinline__ int k_min(const u8* f, int j) {
    return j < 4 ? f[j + 4] & 63 : (f[j + 4] >> 4) | ((f[j] >> 6) << 4);
}

template <int TYPE, int NT>
__device__ __forceinline__ void dot_item(const u8* row, int item, const i8* xq, const float* xd, const float* xs,
                                         int cols, int ntok, float* sums) {
    int xblocks = cols / QK8;
    if (TYPE == Q8_0) {
        // 34 bytes: f16 d, int8 qs[32].
        const u8* b = row + (long) item * 34;
        float d = half_to_float(*(const u16*) b);
        int w[8];
        for (int k = 0; k < 8; k++) w[k] = load_int_b2(b + 2 + 4 * k);
        for (int t = 0; t < NT; t++) {
            if (t >= ntok) break;
            const int* x = (const int*) (xq + (long) t * cols + item * 32);
            int s = 0;
            for (int k = 0; k < 8; k++) s = dot4(w[k], x[k], s);
            sums[t] += d * xd[t * xblocks + item] * (float) s;
        }
    } else if (TYPE == Q4_0) {
        // 18 bytes: f16 d, qs[16]: weight j low nibble of qs[j], weight j + 16 high nibble; (q - 8) d.
        const u8* b = row + (long) item * 18;
        float d = half_to_float(*(const u16*) b);
        int lo[4], hi[4];
        for (int k = 0; k < 4; k++) {
            u32 v = (u32) load_int_b2(b + 2 + 4 * k);
            lo[k] = (int) (v & 0x0F0F0F0Fu);
            hi[k] = (int) ((v >> 4) & 0x0F0F0F0Fu);
        }
        for (int t = 0; t < NT; t++) {
            if (t >= ntok) break;
            const int* x = (const int*) (xq + (long) t * cols + item * 32);
            int s = 0;
            for (int k = 0; k < 4; k++) {
                s = dot4(lo[k], x[k], s);
                s = dot4(hi[k], x[4 + k], s);
            }
            // sum (q - 8) d x = d (xd sum(q x8) - 8 sum(x)), sum(x) = xs.
            sums[t] += d * (xd[t * xblocks + item] * (float) s - 8.0f * xs[t * xblocks + item]);
        }
    } else if (TYPE == Q4_K) {
        // 144 bytes: f16 d, f16 dmin, scales[12], qs[128]; sub-block s takes the 32 bytes at
        // 16 + 32 (s / 2), low nibbles for even s, high for odd. w = d scale q - dmin min.
        int super_block = item / 8;
        int s = item % 8;
        const u8* b = row + (long) super_block * 144;
        float d = half_to_float(*(const u16*) b);
        float dmin = half_to_float(*(const u16*) (b + 2));
        float step = d * (float) k_scale(b + 4, s);
        float offset = dmin * (float) k_min(b + 4, s);
        const u8* qs = b + 16 + (s / 2) * 32;
        int shift = (s % 2) * 4;
        int w[8];
        for (int k = 0; k < 8; k++) w[k] = (int) (((u32) load_int_b4(qs + 4 * k) >> shift) & 0x0F0F0F0Fu);
        int x_block = super_block * 8 + s;
        for (int t = 0; t < NT; t++) {
            if (t >= ntok) break;
            const int* x = (const int*) (xq + (long) t * cols + x_block * 32);
            int sum = 0;
            for (int k = 0; k < 8; k++) sum = dot4(w[k], x[k], sum);
            sums[t] += step * xd[t * xblocks + x_block] * (float) sum - offset * xs[t * xblocks + x_block];
        }
    } else {
        // Q6_K, 210 bytes: ql[128], qh[64], int8 scales[16], f16 d; sub-block s of 16 weights;
        // the bit positions as in Q6KKernel.java. w = d scale[s] (q - 32).
        int super_block = item / 16;
        int s = item % 16;
        const u8* b = row + (long) super_block * 210;
        float d = half_to_float(*(const u16*) (b + 208));
        float step = d * (float) (i8) b[192 + s];
        int low_at = (s / 8) * 64 + (((s % 8) / 2) % 2) * 32 + (s % 2) * 16;
        int low_shift = ((s % 8) / 4) * 4;
        int high_at = 128 + (s / 8) * 32 + (s % 2) * 16;
        int high_shift = 2 * ((s % 8) / 2);
        int w[4];
        for (int k = 0; k < 4; k++) {
            u32 low = ((u32) load_int_b2(b + low_at + 4 * k) >> low_shift) & 0x0F0F0F0Fu;
            u32 high = (((u32) load_int_b2(b + high_at + 4 * k) >> high_shift) & 0x03030303u) << 4;
            w[k] = (int) (low | high);
        }
        int first = super_block * 256 + s * 16;
        int x_block = first / 32;
        for (int t = 0; t < NT; t++) {
            if (t >= ntok) break;
            const int* x = (const int*) (xq + (long) t * cols + first);
            int sum_qx = 0;
            int sum_x = 0;
            for (int k = 0; k < 4; k++) {
                sum_qx = dot4(w[k], x[k], sum_qx);
                sum_x = dot4(0x01010101, x[k], sum_x);
            }
            sums[t] += step * xd[t * xblocks + x_block] * (float) (sum_qx - 32 * sum_x);
        }
    }
}

template <int TYPE, int NT>
__device__ __forceinline__ void matvec_rows(const u8* __restrict__ w, const i8* __restrict__ xq,
                                            const float* __restrict__ xd, const float* __restrict__ xs,
                                            float* __restrict__ out, int rows, int cols, int ntok, int accumulate) {
    int row = blockIdx.x * (blockDim.x / WARP) + threadIdx.x / WARP;
    int lane = threadIdx.x % WARP;
    if (row >= rows) return;  // the whole warp leaves together
    const u8* r = w + (long) row * row_bytes<TYPE>(cols);
    float sums[NT];
    for (int t = 0; t < NT; t++) sums[t] = 0.0f;
    int items = row_items<TYPE>(cols);
    for (int item = lane; item < items; item += WARP) {
        dot_item<TYPE, NT>(r, item, xq, xd, xs, cols, ntok, sums);
    }
    for (int t = 0; t < NT; t++) {
        float v = warp_sum(sums[t]);
        if (lane == 0 && t < ntok) {
            float* o = out + (long) t * rows + row;
            *o = accumulate ? *o + v : v;
        }
    }
}

#define MATVEC(name, TYPE)                                                                                   \
    extern "C" __global__ void matvec_##name(const u8* w, const i8* xq, const float* xd, const float* xs,  \
                                             float* out, int rows, int cols, int accumulate) {               \
        matvec_rows<TYPE, 1>(w, xq, xd, xs, out, rows, cols, 1, accumulate);                                \
    }                                                                                                        \
    extern "C" __global__ void gemm_##name(const u8* w, const i8* xq, const float* xd, const float* xs,    \
                                           float* out, int rows, int cols, int ntok, int accumulate) {       \
        matvec_rows<TYPE, GEMM_TOKENS>(w, xq, xd, xs, out, rows, cols, ntok, accumulate);                   \
    }

MATVEC(q8_0, Q8_0)
MATVEC(q4_0, Q4_0)
MATVEC(q4_k, Q4_K)
MATVEC(q6_k, Q6_K)

// F16 weights take the float activations directly: two weights per 32-bit load.
template <int NT>
__device__ __forceinline__ void matvec_f16_rows(const u16* __restrict__ w, const float* __restrict__ x,
                                                float* __restrict__ out, int rows, int cols, int ntok,
                                                int accumulate) {
    int row = blockIdx.x * (blockDim.x / WARP) + threadIdx.x / WARP;
    int lane = threadIdx.x % WARP;
    if (row >= rows) return;
    const u32* r = (const u32*) (w + (long) row * cols);
    float sums[NT];
    for (int t = 0; t < NT; t++) sums[t] = 0.0f;
    for (int pair = lane; pair < cols / 2; pair += WARP) {
        u32 h = r[pair];
        float w0 = half_to_float((u16) (h & 0xFFFF));
        float w1 = half_to_float((u16) (h >> 16));
        for (int t = 0; t < NT; t++) {
            if (t >= ntok) break;
            const float* xt = x + (long) t * cols + 2 * pair;
            sums[t] += w0 * xt[0] + w1 * xt[1];
        }
    }
    for (int t = 0; t < NT; t++) {
        float v = warp_sum(sums[t]);
        if (lane == 0 && t < ntok) {
            float* o = out + (long) t * rows + row;
            *o = accumulate ? *o + v : v;
        }
    }
}

extern "C" __global__ void matvec_f16(const u16* w, const float* x, float* out, int rows, int cols, int accumulate) {
    matvec_f16_rows<1>(w, x, out, rows, cols, 1, accumulate);
}

extern "C" __global__ void gemm_f16(const u16* w, const float* x, float* out, int rows, int cols, int ntok,
                                    int accumulate) {
    matvec_f16_rows<GEMM_TOKENS>(w, x, out, rows, cols, ntok, accumulate);
}
