package dev.gannet.tools.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells text from binary and decodes text, the same way for every tool: a file is binary when a
 * NUL byte occurs in its first 8 KiB (git's and ripgrep's test) unless it starts with a UTF-16 byte
 * order mark; text is UTF-8 unless such a mark says otherwise; invalid bytes become U+FFFD and are
 * reported rather than refused, so a file with one bad byte can still be read.
 */
public final class TextDecoder {
    /** How much of a file the binary test looks at. */
    public static final int BINARY_PROBE_BYTES = 8192;

    private TextDecoder() {
    }

    /** Whether the first bytes of a file (up to {@link #BINARY_PROBE_BYTES} of them) mark it binary. */
    public static boolean looksBinary(byte[] head, int length) {
        if (utf16Charset(head, length) != null) {
            return false;
        }
        int probe = Math.min(length, BINARY_PROBE_BYTES);
        for (int i = 0; i < probe; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Decodes a whole file. */
    public static DecodedText decode(byte[] bytes) {
        Charset utf16 = utf16Charset(bytes, bytes.length);
        if (utf16 != null) {
            return decodeStrictly(bytes, 2, utf16);
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        return decodeStrictly(bytes, bom ? 3 : 0, StandardCharsets.UTF_8);
    }

    /** Decodes one line of UTF-8, reporting whether it held invalid bytes. */
    public static DecodedText decodeUtf8(byte[] bytes, int offset, int length) {
        return decodeStrictly(bytes, offset, length, StandardCharsets.UTF_8);
    }

    private static DecodedText decodeStrictly(byte[] bytes, int offset, Charset charset) {
        return decodeStrictly(bytes, offset, bytes.length - offset, charset);
    }

    private static DecodedText decodeStrictly(byte[] bytes, int offset, int length, Charset charset) {
        if (charset == StandardCharsets.UTF_8) {
            // The String constructor has vectorized fast paths; a strict decoder is only needed to
            // tell a replacement character that was in the file from one standing for bad bytes.
            String text = new String(bytes, offset, length, charset);
            if (text.indexOf('\uFFFD') < 0) {
                return new DecodedText(text, charset.name(), false);
            }
        }
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
            return new DecodedText(text, charset.name(), false);
        } catch (CharacterCodingException e) {
            return new DecodedText(new String(bytes, offset, length, charset), charset.name(), true);
        }
    }

    /** Whether the bytes start with a UTF-16 byte order mark. */
    public static boolean hasUtf16ByteOrderMark(byte[] head) {
        return utf16Charset(head, head.length) != null;
    }

    private static Charset utf16Charset(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }
}
