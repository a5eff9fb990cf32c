package dev.gannet.kernels.gguf;

/**
 * A GGUF file that cannot be used: unreadable, malformed, truncated, or holding values that make no
 * sense. The message is one line naming the file and the problem, fit to show a user as it is.
 */
public final class GgufFormatException extends RuntimeException {
    private final String source;
    private final String problem;

    public GgufFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    public GgufFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /**
     * A name read from a file (a key, a tensor name), quoted for a one-line message: control
     * characters escaped, and long names cut, since a corrupt file can hold anything there.
     */
    public static String quote(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), 80) + 2).append('\'');
        int limit = 64;
        for (int i = 0; i < name.length() && i < limit; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c) || c == '\ufffd') {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                out.append(c);
            }
        }
        if (name.length() > limit) {
            out.append("...(").append(name.length()).append(" chars)");
        }
        return out.append('\'').toString();
    }

    /** The file (or other source) the problem was found in. */
    public String source() {
        return source;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }
}
