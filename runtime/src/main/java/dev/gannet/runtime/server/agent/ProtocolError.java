package dev.gannet.runtime.server.agent;

/** A client message the protocol cannot take; the message goes back to the client as an {@code error} event. */
final class ProtocolError extends RuntimeException {
    ProtocolError(String message) {
        super(message, null, false, false);
    }
}
