package dev.gannet.kernels.cuda;

/** Every kernel the backend launches: its entry name and the PTX module (the .cu file) holding it. */
public enum CudaKernel {
    QUANTIZE_Q8("quantize", "quantize_q8"),
    RMS_NORM("norm", "rms_norm"),
    MATVEC_Q8_0("matvec", "matvec_q8_0"),
    MATVEC_Q4_0("matvec", "matvec_q4_0"),
    MATVEC_Q4_K("matvec", "matvec_q4_k"),
    MATVEC_Q6_K("matvec", "matvec_q6_k"),
    MATVEC_F16("matvec", "matvec_f16"),
    GEMM_Q8_0("matvec", "gemm_q8_0"),
    GEMM_Q4_0("matvec", "gemm_q4_0"),
    GEMM_Q4_K("matvec", "gemm_q4_k"),
    GEMM_Q6_K("matvec", "gemm_q6_k"),
    GEMM_F16("matvec", "gemm_f16"),
    ROPE_KV_WRITE("rope", "rope_kv_write"),
    KV_WRITE_UNROTATED("rope", "kv_write_unrotated"),
    ATTENTION_SPLIT("attention", "attention_split"),
    ATTENTION_MERGE("attention", "attention_merge"),
    RESIDUAL_ADD("elementwise", "residual_add"),
    ADD_BIAS("elementwise", "add_bias"),
    SWIGLU("elementwise", "swiglu"),
    GEGLU("elementwise", "geglu"),
    ARGMAX("elementwise", "argmax");

    private final String module;
    private final String entry;

    CudaKernel(String module, String entry) {
        this.module = module;
        this.entry = entry;
    }

    public String module() {
        return module;
    }

    public String entry() {
        return entry;
    }
}
