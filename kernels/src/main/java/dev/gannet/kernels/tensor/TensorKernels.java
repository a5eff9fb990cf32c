package dev.gannet.kernels.tensor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The kernel of each tensor type Gannet computes with; the kernels are stateless and shared. */
public final class TensorKernels {
    private static final Map<GgmlType, TensorKernel> KERNELS = new EnumMap<>(GgmlType.class);

    static {
        List<TensorKernel> all = List.of(
                new F32Kernel(), new F16Kernel(), new BF16Kernel(),
                new Q8_0Kernel(), new Q4_0Kernel(), new Q4_1Kernel(), new Q5_0Kernel(), new Q5_1Kernel(),
                new Q2KKernel(), new Q3KKernel(), new Q4KKernel(), new Q5KKernel(), new Q6KKernel());
        for (TensorKernel kernel : all) {
            KERNELS.put(kernel.type(), kernel);
        }
    }

    private static final Set<GgmlType> SUPPORTED = Collections.unmodifiableSet(KERNELS.keySet());

    private TensorKernels() {
    }

    /**
     * The kernel of {@code type}.
     *
     * @throws UnsupportedTensorTypeException if Gannet has no kernel for it (the IQ family, integer types, ...)
     */
    public static TensorKernel of(GgmlType type) {
        TensorKernel kernel = KERNELS.get(type);
        if (kernel == null) {
            throw new UnsupportedTensorTypeException(type, SUPPORTED);
        }
        return kernel;
    }

    /** The types {@link #of} answers, in ggml id order. */
    public static Set<GgmlType> supported() {
        return SUPPORTED;
    }
}
