package dev.gannet.runtime.server;

import java.security.SecureRandom;

/**
 * Fresh ids for responses and tool calls. The model's own call ids ({@code call_0}, {@code call_1})
 * start again every turn; clients keep whole conversations keyed by call id, so each call gets an id
 * of its own, as OpenAI's do.
 */
final class ResponseIds {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResponseIds() {
    }

    static String completion() {
        return "chatcmpl-" + random(24);
    }

    static String toolCall() {
        return "call_" + random(24);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
