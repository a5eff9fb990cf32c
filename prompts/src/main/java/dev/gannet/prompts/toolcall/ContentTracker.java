package dev.gannet.prompts.toolcall;

/**
 * Follows the answer text a parser lets through, to say where in it the next character stands:
 * at the start of the message, at the start of a line, inside a code fence. Calls written without
 * markers (bare or fenced JSON) are only looked for where these make them plausible.
 */
final class ContentTracker {
    private boolean messageStart = true;
    private boolean lineStart = true;
    private boolean inFence;
    /** Backticks at the start of the current line, or -1 once the line cannot open or close a fence. */
    private int fenceTicks;

    ScanContext context(DeclaredTools tools) {
        return new ScanContext(tools, messageStart, lineStart, inFence);
    }

    /** One character of answer text. */
    void feed(char c) {
        if (c == '\n') {
            lineStart = true;
            fenceTicks = 0;
            return;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            if (fenceTicks > 0) {
                fenceTicks = -1;
            }
            return;
        }
        messageStart = false;
        lineStart = false;
        if (c == '`' && fenceTicks >= 0) {
            fenceTicks++;
            if (fenceTicks == 3) {
                inFence = !inFence;
                fenceTicks = -1;
            }
        } else {
            fenceTicks = -1;
        }
    }

    /** A call was read: what follows starts afresh, as after a line break. */
    void afterCall() {
        lineStart = true;
        fenceTicks = 0;
    }
}
