package dev.gannet.kernels.arch;

/** The gate activation of the gated feed-forward block: {@code down(act(gate(x)) * up(x))}. */
public enum Activation {
    /** x * sigmoid(x) (SwiGLU): Llama, Qwen, Phi-3. */
    SILU,
    /**
     * GELU, tanh approximation (GeGLU): Gemma. Computed as llama.cpp's CPU backend does, at FP16
     * resolution: the input rounded to FP16, GELU of that, the result rounded to FP16, with inputs
     * beyond ±10 passed through (or zeroed). Gemma models are run and tuned through llama.cpp this
     * way, and it keeps our logits within 1e-4 on average of its (exact GELU drifts to 5e-4).
     */
    GELU_TANH;

    private static final float GELU_SATURATION = 10f;

    public float apply(float x) {
        return switch (this) {
            case SILU -> x / (1.0f + (float) Math.exp(-x));
            case GELU_TANH -> {
                if (x <= -GELU_SATURATION) {
                    yield 0f;
                }
                if (x >= GELU_SATURATION) {
                    yield x;
                }
                float h = Float.float16ToFloat(Float.floatToFloat16(x));
                yield Float.float16ToFloat(Float.floatToFloat16(geluTanh(h)));
            }
        };
    }

    /** 0.5 x (1 + tanh(sqrt(2/π) x (1 + 0.044715 x²))), in float as ggml writes it. */
    private static float geluTanh(float x) {
        float inner = 0.7978845608028654f * x * (1.0f + 0.044715f * x * x);
        return 0.5f * x * (1.0f + (float) Math.tanh(inner));
    }
}
