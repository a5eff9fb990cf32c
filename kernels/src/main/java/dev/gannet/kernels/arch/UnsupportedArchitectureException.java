package dev.gannet.kernels.arch;

/** A model whose {@code general.architecture} Gannet does not run; the message names it. */
public final class UnsupportedArchitectureException extends RuntimeException {
    public UnsupportedArchitectureException(String source, String architecture) {
        super(source + ": architecture " + dev.gannet.kernels.gguf.GgufFormatException.quote(architecture) + " is not supported (supported: "
                + String.join(", ", Architectures.supportedNames()) + ")");
    }
}
