package dev.gannet.kernels.arch;

/** The gate activation of the gated feed-forward block: {@code down(act(gate(x)) * up(x))}. */
public enum Activation {
    /** x * sigmoid(x) (SwiGLU): Llama, Qwen, Phi-3. */
    SILU,
    /** GELU, tanh approximation (GeGLU): Gemma. */
    GELU_TANH;

    public float apply(float x) {
        return switch (this) {
            case SILU -> x / (1.0f + (float) Math.exp(-x));
            case GELU_TANH -> {
                // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
                double inner = 0.7978845608028654 * (x + 0.044715 * x * x * x);
                yield (float) (0.5 * x * (1.0 + Math.tanh(inner)));
            }
        };
    }
}
