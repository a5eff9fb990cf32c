// Element-wise steps: residual add, bias add, the gated activations, and the greedy argmax.
#include "common.cuh"

// x[i] += y[i]: the residual connections.
extern "C" __global__ void residual_add(float* __restrict__ x, const float* __restrict__ y, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] += y[i];
}

// x[t][i] += bias[i] for rows of width n (Qwen2's attention biases); grid.y is the token.
extern "C" __global__ void add_bias(float* __restrict__ x, const float* __restrict__ bias, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[(long) blockIdx.y * n + i] += bias[i];
}

// gate[i] = silu(gate[i]) * up[i]
extern "C" __global__ void swiglu(float* __restrict__ gate, const float* __restrict__ up, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float g = gate[i];
        gate[i] = g / (1.0f + expf(-g)) * up[i];
    }
}

// gate[i] = gelu_tanh(gate[i]) * up[i], saturating beyond +-10 as the CPU path does. The CPU path
// also rounds through FP16 (llama.cpp's table); this one does not, so Gemma logits may differ by a
// little more than the other architectures'.
extern "C" __global__ void geglu(float* __restrict__ gate, const float* __restrict__ up, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float g = gate[i];
        float a;
        if (g <= -10.0f) a = 0.0f;
        else if (g >= 10.0f) a = g;
        else a = 0.5f * g * (1.0f + tanhf(0.7978845608f * (g + 0.044715f * g * g * g)));
        gate[i] = a * up[i];
    }
}

// Index of the largest of x[n] (the lowest index on ties), one block of 1024 threads.
extern "C" __global__ void argmax(const float* __restrict__ x, int n, int* __restrict__ result) {
    __shared__ float best_value[1024];
    __shared__ int best_index[1024];
    float v = -3.402823466e38f;
    int index = 0x7fffffff;
    for (int i = threadIdx.x; i < n; i += blockDim.x) {
        if (x[i] > v) { v = x[i]; index = i; }
    }
    best_value[threadIdx.x] = v;
    best_index[threadIdx.x] = index;
    __syncthreads();
    for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
        if (threadIdx.x < stride) {
            float other = best_value[threadIdx.x + stride];
            int other_index = best_index[threadIdx.x + stride];
            if (other > best_value[threadIdx.x]
                    || (other == best_value[threadIdx.x] && other_index < best_index[threadIdx.x])) {
                best_value[threadIdx.x] = other;
                best_index[threadIdx.x] = other_index;
            }
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) *result = best_index[0];
}
