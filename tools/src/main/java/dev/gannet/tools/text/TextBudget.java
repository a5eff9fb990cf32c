package dev.gannet.tools.text;

/**
 * Text for the model, built line by line up to a byte budget. The budget protects the model's
 * context window: a tool result never exceeds it, and when a line does not fit the budget says so
 * and later lines are refused.
 */
public final class TextBudget {
    private final StringBuilder text = new StringBuilder();
    private final long limitBytes;
    private long usedBytes;
    private boolean exhausted;

    public TextBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Appends a line and its newline if it fits; returns false (and stays full) otherwise. */
    public boolean addLine(String line) {
        if (exhausted) {
            return false;
        }
        long bytes = utf8Length(line) + 1L;
        if (usedBytes + bytes > limitBytes) {
            exhausted = true;
            return false;
        }
        text.append(line).append('\n');
        usedBytes += bytes;
        return true;
    }

    /** Appends a closing note (such as a truncation marker) whatever the budget says. */
    public void addNote(String note) {
        text.append(note).append('\n');
    }

    public boolean exhausted() {
        return exhausted;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public String text() {
        return text.toString();
    }

    /** The length of a string in UTF-8, without encoding it. */
    public static long utf8Length(CharSequence s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Cuts a line longer than {@code maxChars}, saying how much was left out. */
    public static String cutLine(String line, int maxChars) {
        if (line.length() <= maxChars) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return line.substring(0, end) + " [... " + (line.length() - end) + " more characters]";
    }

}
