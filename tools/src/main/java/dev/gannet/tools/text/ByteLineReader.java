package dev.gannet.tools.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream a line at a time as bytes (the encoding is decided per line by the caller),
 * through its own buffer: {@link java.io.BufferedInputStream#read()} takes a lock per byte.
 */
public final class ByteLineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;

    public ByteLineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next line without its '\n'; false when the stream has no more lines. */
    public boolean next() throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++; // the '\n'
                return true;
            }
        }
    }

    /** The bytes of the current line; valid up to {@link #length()} until the next call. */
    public byte[] bytes() {
        return line;
    }

    public int length() {
        return lineLength;
    }

    private void append(int start, int count) {
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(buffer, start, line, lineLength, count);
        lineLength += count;
    }
}
