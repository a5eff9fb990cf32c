package dev.gannet.kernels.device;

import java.util.Locale;

/** Where the forward pass runs, as asked for with {@code --device}. */
public enum ComputeDevice {
    /** CUDA when the probe finds a driver and a device, else the CPU. */
    AUTO,
    CPU,
    CUDA;

    /** Parses {@code auto}, {@code cpu} or {@code cuda}; anything else is a clear error. */
    public static ComputeDevice parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--device must be auto, cpu or cuda, not '" + text + "'");
        }
    }
}
