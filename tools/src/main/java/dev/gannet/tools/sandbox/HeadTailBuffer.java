package dev.gannet.tools.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the first and the last bytes of a stream of any length, and counts the rest: the start of
 * a command's output says what it did, the end how it ended, and the middle of a gigabyte is of no
 * use to a model. Memory stays fixed whatever the stream's length.
 */
public final class HeadTailBuffer {
    private final byte[] head;
    private int headLength;
    private final byte[] tail;
    private int tailStart;  // index of the oldest byte in the ring
    private int tailLength;
    private long total;

    public HeadTailBuffer(int headBytes, int tailBytes) {
        this.head = new byte[headBytes];
        this.tail = new byte[tailBytes];
    }

    public void write(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, head.length - headLength);
        System.arraycopy(bytes, offset, head, headLength, toHead);
        headLength += toHead;
        for (int i = offset + toHead; i < offset + length; i++) {
            if (tail.length == 0) {
                break;
            }
            if (tailLength < tail.length) {
                tail[(tailStart + tailLength) % tail.length] = bytes[i];
                tailLength++;
            } else {
                tail[tailStart] = bytes[i];
                tailStart = (tailStart + 1) % tail.length;
            }
        }
    }

    /** All bytes written so far. */
    public long total() {
        return total;
    }

    /** Whether bytes between the head and the tail were dropped. */
    public boolean truncated() {
        return total > headLength + tailLength;
    }

    /**
     * The kept output as text: all of it if nothing was dropped, else the head, a line saying how
     * many bytes were left out, and the tail. Bytes that are not UTF-8 (or a character cut at the
     * edge of the head or the tail) show as U+FFFD.
     */
    public String text() {
        byte[] ordered = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            ordered[i] = tail[(tailStart + i) % tail.length];
        }
        if (!truncated()) {
            // Decoded as one piece, so a character split between head and tail stays whole.
            return new String(concat(head, headLength, ordered), StandardCharsets.UTF_8);
        }
        String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
        long dropped = total - headLength - tailLength;
        String separator = start.endsWith("\n") ? "" : "\n";
        return start + separator + "[... " + dropped + " bytes of output omitted ...]\n"
                + new String(ordered, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, int firstLength, byte[] second) {
        byte[] all = new byte[firstLength + second.length];
        System.arraycopy(first, 0, all, 0, firstLength);
        System.arraycopy(second, 0, all, firstLength, second.length);
        return all;
    }
}
