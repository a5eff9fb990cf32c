package dev.gannet.runtime.backend;

/** A turn could not be generated; the message is written for the user (no stack trace needed). */
public class BackendException extends RuntimeException {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
