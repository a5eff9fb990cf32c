package dev.gannet.kernels.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns tokens into text as they are generated. A character may be spread over several byte tokens
 * (an emoji as {@code <0xF0><0x9F><0xA6><0x99>}); the decoder holds the bytes of an unfinished UTF-8
 * character back until the rest arrives, so each call returns only whole characters.
 *
 * <p>Pieces are taken as they are, like llama.cpp's {@code token_to_piece}: no leading space is
 * removed. One decoder per generation; not thread-safe.
 */
public final class StreamingDecoder {
    private final Tokenizer tokenizer;
    private final boolean renderSpecial;
    private byte[] pending = new byte[16];
    private int pendingLength;

    /**
     * @param renderSpecial write control tokens as their text instead of leaving them out
     */
    public StreamingDecoder(Tokenizer tokenizer, boolean renderSpecial) {
        this.tokenizer = tokenizer;
        this.renderSpecial = renderSpecial;
    }

    /** The text that {@code id} completes; empty while a character is still unfinished. */
    public String accept(int id) {
        byte[] piece = tokenizer.tokenBytes(id, renderSpecial);
        if (pendingLength + piece.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + piece.length));
        }
        System.arraycopy(piece, 0, pending, pendingLength, piece.length);
        pendingLength += piece.length;

        int complete = pendingLength - unfinishedSuffix(pending, pendingLength);
        String text = new String(pending, 0, complete, StandardCharsets.UTF_8);
        System.arraycopy(pending, complete, pending, 0, pendingLength - complete);
        pendingLength -= complete;
        return text;
    }

    /** Whatever is held back, an unfinished character becoming U+FFFD; the decoder starts afresh. */
    public String flush() {
        String text = new String(pending, 0, pendingLength, StandardCharsets.UTF_8);
        pendingLength = 0;
        return text;
    }

    /** Bytes held back, waiting for the rest of their character. */
    public int pendingBytes() {
        return pendingLength;
    }

    /**
     * How many bytes at the end begin a UTF-8 character that needs more bytes. Only the last three
     * bytes can; an invalid sequence is not held, so it comes out as U+FFFD at once.
     */
    static int unfinishedSuffix(byte[] bytes, int length) {
        for (int back = 1; back <= Math.min(3, length); back++) {
            int b = bytes[length - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: the character starts further back
            }
            int needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }
}
