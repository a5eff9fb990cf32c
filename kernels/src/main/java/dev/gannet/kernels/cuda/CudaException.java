package dev.gannet.kernels.cuda;

/** A CUDA driver call that returned an error: names the call and the driver's name and text for it. */
public final class CudaException extends RuntimeException {
    private final String call;
    private final int result;

    CudaException(String call, int result, String errorName, String errorText) {
        super(call + " failed: " + errorName + " (" + errorText + ")");
        this.call = call;
        this.result = result;
    }

    CudaException(String call, String message) {
        super(call + " failed: " + message);
        this.call = call;
        this.result = -1;
    }

    /** The driver function that failed, e.g. {@code cuModuleLoadDataEx}. */
    public String call() {
        return call;
    }

    /** The CUresult, or -1 when the failure was not a driver result. */
    public int result() {
        return result;
    }
}
