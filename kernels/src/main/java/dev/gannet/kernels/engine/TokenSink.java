package dev.gannet.kernels.engine;

/** Receives each generated token as soon as it is chosen, and may end the generation. */
@FunctionalInterface
public interface TokenSink {
    /**
     * @return null to go on, or the reason to stop now (the token is kept either way)
     */
    FinishReason accept(int token);
}
