package dev.gannet.kernels.lora;

/**
 * A LoRA adapter that cannot be used: not an adapter file, malformed, or made for another model. The
 * message is one line naming the adapter file and the problem, fit to show a user as it is.
 */
public final class LoraAdapterException extends RuntimeException {
    public LoraAdapterException(String source, String problem) {
        super(source + ": " + problem);
    }
}
