package dev.gannet.kernels.device;

/**
 * The device a run will use and why. {@code cpu} decides without touching CUDA at all (no class of
 * {@code dev.gannet.kernels.cuda} is loaded, no library opened); {@code auto} and {@code cuda} ask
 * {@link CudaProbing}, which is the only door into that package.
 *
 * @param device CPU or CUDA, never AUTO
 * @param reason one line: the GPU found, or why the CPU was chosen
 */
public record DeviceSelection(ComputeDevice device, String reason) {
    public DeviceSelection {
        if (device == ComputeDevice.AUTO) {
            throw new IllegalArgumentException("a selection is CPU or CUDA, not AUTO");
        }
    }

    /**
     * Resolves a request. {@code cuda} where the probe finds none throws
     * {@link IllegalArgumentException} with one line saying why, for the CLI to print.
     */
    public static DeviceSelection resolve(ComputeDevice requested) {
        return switch (requested) {
            case CPU -> new DeviceSelection(ComputeDevice.CPU, "--device cpu");
            case AUTO -> CudaProbing.probe()
                    .map(gpu -> new DeviceSelection(ComputeDevice.CUDA, gpu))
                    .orElseGet(() -> new DeviceSelection(ComputeDevice.CPU, "auto: " + CudaProbing.lastReason()));
            case CUDA -> CudaProbing.probe()
                    .map(gpu -> new DeviceSelection(ComputeDevice.CUDA, gpu))
                    .orElseThrow(() -> new IllegalArgumentException("--device cuda: " + CudaProbing.lastReason()));
        };
    }
}
