package dev.gannet.runtime.session;

import java.security.SecureRandom;

/**
 * Session ids: ten characters of the URL-safe Base64 alphabet (60 random bits), short enough to type
 * and to put in a URL path, random enough that two machines never hand out the same one.
 */
final class SessionIds {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
