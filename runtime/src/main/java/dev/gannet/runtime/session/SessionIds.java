package dev.gannet.runtime.session;

import java.security.SecureRandom;

/**
 * Session ids: eleven letters and digits (65 random bits), short enough to type and to put in a URL
 * path, random enough that two machines never hand out the same one. No {@code -} or {@code _}: an id
 * starting with {@code -} reads as an option on a command line ({@code gannet sessions show -x…}), and
 * a terminal's double-click stops at either.
 */
final class SessionIds {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    static final int LENGTH = 11;

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
