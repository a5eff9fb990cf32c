package dev.gannet.runtime.cli;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user sees. */
final class UserErrors {
    private UserErrors() {
    }

    static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (cause instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "internal error: " + cause.getClass().getSimpleName() + " (run with GANNET_DEBUG=1 for details)";
        }
        // Expected failures carry messages meant for users; anything else is labelled as ours.
        boolean expected = cause instanceof IllegalArgumentException
                || cause instanceof java.io.IOException
                || cause.getClass().getPackageName().startsWith("dev.gannet");
        String line = message.lines().findFirst().orElse(message);
        return expected ? line : "internal error: " + cause.getClass().getSimpleName() + ": " + line;
    }
}
