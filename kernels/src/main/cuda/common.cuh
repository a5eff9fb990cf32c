// Shared helpers of Gannet's CUDA kernels. No CUDA headers are included, so every file compiles
// the same with nvcc and with NVRTC (the run-time fallback), which has no system include path.
#pragma once

typedef unsigned char u8;
typedef signed char i8;
typedef unsigned short u16;
typedef unsigned int u32;

#define WARP 32
// Activations are quantized in blocks of 32 (as llama.cpp's q8_1): int8 quants, a scale d and
// d * sum(q), so a 4-bit format's offset term needs no second pass over x.
#define QK8 32

__device__ __forceinline__ float half_to_float(u16 h) {
    float f;
    asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h));
    return f;
}

// Four bytes from an address that is only 2-byte aligned (Q8_0, Q4_0 and Q6_K blocks are 34, 18
// and 210 bytes long, so their quants never sit on a 4-byte boundary for every block).
__device__ __forceinline__ int load_int_b2(const u8* p) {
    const u16* h = (const u16*) p;
    return (int) ((u32) h[0] | ((u32) h[1] << 16));
}

__device__ __forceinline__ int load_int_b4(const u8* p) {
    return *(const int*) p;
}

// Sum of the four products of signed bytes, added to c (the dp4a instruction, sm_61 and later).
__device__ __forceinline__ int dot4(int a, int b, int c) {
    int r;
    asm("dp4a.s32.s32 %0, %1, %2, %3;" : "=r"(r) : "r"(a), "r"(b), "r"(c));
    return r;
}

__device__ __forceinline__ float warp_sum(float v) {
    for (int offset = WARP / 2; offset > 0; offset >>= 1) {
        v += __shfl_xor_sync(0xffffffffu, v, offset);
    }
    return v;
}

__device__ __forceinline__ float warp_max(float v) {
    for (int offset = WARP / 2; offset > 0; offset >>= 1) {
        v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, offset));
    }
    return v;
}

// Sum over a block of up to 1024 threads; every thread gets the total. scratch: [32] floats.
__device__ __forceinline__ float block_sum(float v, float* scratch) {
    int lane = threadIdx.x % WARP;
    int warp = threadIdx.x / WARP;
    v = warp_sum(v);
    __syncthreads();
    if (lane == 0) scratch[warp] = v;
    __syncthreads();
    int warps = (blockDim.x + WARP - 1) / WARP;
    v = lane < warps ? scratch[lane] : 0.0f;
    return warp_sum(v);
}
