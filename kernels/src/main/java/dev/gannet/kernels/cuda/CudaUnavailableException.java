package dev.gannet.kernels.cuda;

/** CUDA was asked for but cannot be used here: no driver library, cuInit failed, or no device. */
public final class CudaUnavailableException extends RuntimeException {
    public CudaUnavailableException(String reason) {
        super(reason);
    }
}
