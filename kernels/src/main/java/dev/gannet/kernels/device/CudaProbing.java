package dev.gannet.kernels.device;

import dev.gannet.kernels.cuda.CudaProbe;
import java.util.Optional;

/**
 * Runs the CUDA probe once per process. Kept apart from {@link DeviceSelection} so that the CPU
 * path never even links against {@code dev.gannet.kernels.cuda}: this class is loaded only when
 * {@code auto} or {@code cuda} is asked for.
 */
final class CudaProbing {
    private static volatile CudaProbe.Result result;

    private CudaProbing() {
    }

    /** The device's description when CUDA can be used. */
    static Optional<String> probe() {
        CudaProbe.Result r = result();
        return r instanceof CudaProbe.Available gpu ? Optional.of(gpu.describe()) : Optional.empty();
    }

    /** Why CUDA cannot be used (valid after {@link #probe()} found none). */
    static String lastReason() {
        return result() instanceof CudaProbe.Unavailable none ? none.reason() : "CUDA is available";
    }

    private static CudaProbe.Result result() {
        if (result == null) {
            result = CudaProbe.detect();
        }
        return result;
    }
}
