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

    /** The file (or other source) the problem was found in. */
    public String source() {
        return source;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }
}
