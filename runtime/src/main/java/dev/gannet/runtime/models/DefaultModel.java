package dev.gannet.runtime.models;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The configured default model and its fallback. The fallback exists because a default can fail to
 * load on a given machine (an architecture or tensor type this build lacks, a damaged file) and the
 * agent should still answer: it is opened instead, after a one-line warning.
 */
public final class DefaultModel {
    /** Opens a GGUF into whatever the caller runs (a kernels Model, a backend); may throw anything. */
    @FunctionalInterface
    public interface Opener<T> {
        T open(Path gguf) throws Exception;
    }

    /** What was opened: from which reference and file, and whether it is the fallback. */
    public record Opened<T>(String reference, Path gguf, T model, boolean isFallback) {
    }

    private final ModelResolver resolver;
    private final String defaultReference;
    private final String fallbackReference;

    /** @param fallbackReference the model to use when the default fails, or null for none */
    public DefaultModel(ModelResolver resolver, String defaultReference, String fallbackReference) {
        this.resolver = resolver;
        this.defaultReference = defaultReference;
        this.fallbackReference = fallbackReference;
    }

    /**
     * Resolves and opens the default; if that fails and a fallback is configured, reports one line
     * to {@code warnings} and opens the fallback instead.
     *
     * @throws ModelException naming both failures when the fallback fails too
     */
    public <T> Opened<T> open(Opener<T> opener, Consumer<String> warnings) {
        try {
            Path defaultPath = resolver.resolve(defaultReference);
            return new Opened<>(defaultReference, defaultPath, opener.open(defaultPath), false);
        } catch (Exception defaultFailure) {
            String why = reason(defaultFailure);
            if (fallbackReference == null || fallbackReference.equals(defaultReference)) {
                throw new ModelException("the default model '" + defaultReference + "' failed to load: " + why, defaultFailure);
            }
            warnings.accept("warning: the default model '" + defaultReference + "' failed to load (" + why
                    + "); using the fallback '" + fallbackReference + "'");
            try {
                Path fallbackPath = resolver.resolve(fallbackReference);
                return new Opened<>(fallbackReference, fallbackPath, opener.open(fallbackPath), true);
            } catch (Exception fallbackFailure) {
                ModelException both = new ModelException("the default model '" + defaultReference + "' failed to load ("
                        + why + ") and so did the fallback '" + fallbackReference + "' (" + reason(fallbackFailure) + ")",
                        fallbackFailure);
                both.addSuppressed(defaultFailure);
                throw both;
            }
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
