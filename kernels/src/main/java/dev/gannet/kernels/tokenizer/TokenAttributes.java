package dev.gannet.kernels.tokenizer;

/**
 * Per-token attribute bits. GGUF stores one type per token ({@code tokenizer.ggml.token_type}), but
 * loading may add bits to a token (a token whose text says it ends a turn becomes a control token as
 * well), so the attributes are a bit set, as in llama.cpp.
 */
final class TokenAttributes {
    static final int UNDEFINED = 0;
    static final int UNKNOWN = 1;
    static final int UNUSED = 1 << 1;
    static final int NORMAL = 1 << 2;
    static final int CONTROL = 1 << 3;
    static final int USER_DEFINED = 1 << 4;
    static final int BYTE = 1 << 5;

    /** Tokens that are not plain text: the special-token splitter looks for these in the input. */
    static final int SPECIAL = CONTROL | USER_DEFINED | UNKNOWN;
    /** Tokens that decode to nothing unless the caller asks to render them. */
    static final int HIDDEN = CONTROL | UNKNOWN;

    private TokenAttributes() {
    }

    /** The attribute of a GGUF token type: 1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte. */
    static int fromGgufType(int type) {
        return switch (type) {
            case 1 -> NORMAL;
            case 2 -> UNKNOWN;
            case 3 -> CONTROL;
            case 4 -> USER_DEFINED;
            case 5 -> UNUSED;
            case 6 -> BYTE;
            default -> UNDEFINED;
        };
    }
}
