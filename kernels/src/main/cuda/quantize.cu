// Activations to 8-bit: x[n] (n a multiple of 32) -> xq[n] int8, xd[n/32] scale, xs[n/32] = xd * sum(q).
// One warp per block of 32 values, one value per lane. Rounding is half away from zero (roundf), as
// llama.cpp's quantize_row_q8_1 does.
#include "common.cuh"

extern "C" __global__ void quantize_q8(const float* __restrict__ x, i8* __restrict__ xq,
                                       float* __restrict__ xd, float* __restrict__ xs, int n) {
    int block = blockIdx.x * (blockDim.x / WARP) + threadIdx.x / WARP;
    int lane = threadIdx.x % WARP;
    if (block * QK8 >= n) return;
    float v = x[block * QK8 + lane];
    float amax = warp_max(fabsf(v));
    float d = amax / 127.0f;
    int q = amax == 0.0f ? 0 : (int) roundf(v / d);
    xq[block * QK8 + lane] = (i8) q;
    float sum = warp_sum((float) q);
    if (lane == 0) {
        xd[block] = d;
        xs[block] = d * sum;
    }
}
