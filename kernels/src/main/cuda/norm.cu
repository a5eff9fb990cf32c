// Fused RMSNorm: out[r] = x[r] / sqrt(mean(x[r]^2) + eps) * w, one thread block per row.
#include "common.cuh"

extern "C" __global__ void rms_norm(const float* __restrict__ x, const float* __restrict__ w,
                                    float* __restrict__ out, int width, float eps) {
    __shared__ float scratch[WARP];
    const float* row = x + (long) blockIdx.x * width;
    float* dst = out + (long) blockIdx.x * width;
    float squares = 0.0f;
    for (int i = threadIdx.x; i < width; i += blockDim.x) {
        squares += row[i] * row[i];
    }
    float total = block_sum(squares, scratch);
    float scale = rsqrtf(total / width + eps);
    for (int i = threadIdx.x; i < width; i += blockDim.x) {
        dst[i] = row[i] * scale * w[i];
    }
}
