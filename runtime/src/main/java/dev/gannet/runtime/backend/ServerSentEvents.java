package dev.gannet.runtime.backend;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} body as it arrives, in pieces split anywhere (inside a line, inside
 * a UTF-8 character), and hands on each event's data: its {@code data:} lines joined by newlines,
 * when the blank line that ends the event arrives. Comments and other fields are skipped. Not
 * thread-safe: one per response.
 */
final class ServerSentEvents {
    private final Consumer<String> onData;
    /** The bytes of the line under way */
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    ServerSentEvents(Consumer<String> onData) {
        this.onData = onData;
    }

    void accept(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }
    }

    /** The body ended: an event without its closing blank line still counts. */
    void finish() {
        if (line.size() > 0) {
            endLine();
        }
        dispatch();
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            dispatch();
        } else if (text.startsWith("data:")) {
            String value = text.substring("data:".length());
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
        // ":" comments, "event:", "id:" and "retry:" lines do not concern a chat completion stream.
    }

    private void dispatch() {
        if (hasData) {
            String event = data.toString();
            data.setLength(0);
            hasData = false;
            onData.accept(event);
        }
    }
}
