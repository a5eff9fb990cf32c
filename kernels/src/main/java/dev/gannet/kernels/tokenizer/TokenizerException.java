package dev.gannet.kernels.tokenizer;

/**
 * A tokenizer that cannot be built or used: a vocabulary whose model or pre-tokenizer Gannet does not
 * know, metadata that contradicts itself, or a token id outside the vocabulary. The message is one
 * line naming the source (usually the GGUF file) and the problem, fit to show a user as it is.
 */
public final class TokenizerException extends RuntimeException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public TokenizerException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** The file (or other source) the tokenizer was built from. */
    public String source() {
        return source;
    }

    /** The problem alone, without the source. */
    public String problem() {
        return problem;
    }
}
