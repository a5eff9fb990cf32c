package dev.gannet.runtime.session;

/**
 * A session store that cannot be opened, read or written: the message is one line a user can act on
 * (it names the database file and what is wrong with it).
 */
public final class SessionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionStoreException(String message) {
        super(message);
    }

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
