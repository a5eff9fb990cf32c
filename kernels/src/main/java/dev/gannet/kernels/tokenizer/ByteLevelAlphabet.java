package dev.gannet.kernels.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * GPT-2's byte-to-character map: byte-level BPE vocabularies spell every byte as one printable
 * character, so that tokens are strings without spaces or control characters. Printable Latin-1
 * bytes ({@code !..~}, {@code ¡..¬}, {@code ®..ÿ}) stand for themselves; the other 68 bytes take the
 * characters from U+0100 on, in byte order (so a space is {@code Ġ}, a newline {@code Ċ}).
 */
final class ByteLevelAlphabet {
    private static final char[] CHAR_OF_BYTE = new char[256];
    private static final int[] BYTE_OF_CHAR = new int[256 + 68];

    static {
        java.util.Arrays.fill(BYTE_OF_CHAR, -1);
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) next++;
            CHAR_OF_BYTE[b] = c;
            BYTE_OF_CHAR[c] = b;
        }
    }

    private ByteLevelAlphabet() {
    }

    /** The UTF-8 bytes of {@code text}, one alphabet character per byte. */
    static String encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        char[] chars = new char[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            chars[i] = CHAR_OF_BYTE[utf8[i] & 0xFF];
        }
        return new String(chars);
    }

    /**
     * The bytes a token spells. A character outside the alphabet (possible only in a malformed
     * vocabulary) stands for its own UTF-8 bytes rather than being lost.
     */
    static byte[] decode(String token) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(token.length());
        for (int i = 0; i < token.length(); ) {
            int codePoint = token.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint < BYTE_OF_CHAR.length && BYTE_OF_CHAR[codePoint] >= 0) {
                bytes.write(BYTE_OF_CHAR[codePoint]);
            } else {
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
