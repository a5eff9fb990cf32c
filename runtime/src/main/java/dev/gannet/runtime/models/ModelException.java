package dev.gannet.runtime.models;

/**
 * A failure to find, fetch, verify or store a model. The message is the one line a user sees: it
 * names the model and, where there is one, what to do instead.
 */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
