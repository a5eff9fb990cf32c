package dev.gannet.kernels.cuda;

/**
 * Is there a CUDA device here? Opens the driver, calls cuInit and reads device 0. Never throws: the
 * answer is either the device or the reason there is none, for {@code --device auto} to decide on
 * and {@code --device cuda} to report.
 */
public final class CudaProbe {
    private CudaProbe() {
    }

    public sealed interface Result permits Available, Unavailable {
    }

    /** Device 0: its name, compute capability, memory and streaming multiprocessors. */
    public record Available(String name, int major, int minor, long totalMemoryBytes, int multiprocessors)
            implements Result {
        public String describe() {
            return name + " (compute " + major + "." + minor + ", " + totalMemoryBytes / (1L << 20) + " MiB, "
                    + multiprocessors + " SMs)";
        }
    }

    public record Unavailable(String reason) implements Result {
    }

    public static Result detect() {
        return detect(CudaDriver.LIBRARY);
    }

    /** The probe against another driver library: how the tests point it at a missing one. */
    static Result detect(String library) {
        CudaDriver driver;
        try {
            driver = CudaDriver.load(library);
        } catch (CudaUnavailableException e) {
            return new Unavailable(e.getMessage());
        }
        try {
            driver.init();
            if (driver.deviceCount() == 0) {
                return new Unavailable("no CUDA device: the driver reports none");
            }
            int device = driver.device(0);
            return new Available(driver.deviceName(device),
                    driver.deviceAttribute(CudaDriver.ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device),
                    driver.deviceAttribute(CudaDriver.ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device),
                    driver.deviceTotalMemory(device),
                    driver.deviceAttribute(CudaDriver.ATTRIBUTE_MULTIPROCESSOR_COUNT, device));
        } catch (CudaException e) {
            return new Unavailable(e.getMessage());
        }
    }
}
