package dev.gannet.prompts.jinja;

/** One lexical token of a template: text between tags, a tag's delimiters, or a piece of an expression. */
record Token(Kind kind, String text, int line) {
    enum Kind {
        /** Literal output between tags. */
        TEXT,
        VARIABLE_BEGIN,
        VARIABLE_END,
        BLOCK_BEGIN,
        BLOCK_END,
        NAME,
        /** A string literal, already decoded. */
        STRING,
        INTEGER,
        FLOAT,
        OPERATOR,
        END
    }

    boolean is(Kind kind, String text) {
        return this.kind == kind && this.text.equals(text);
    }

    boolean isOperator(String text) {
        return is(Kind.OPERATOR, text);
    }

    boolean isName(String text) {
        return is(Kind.NAME, text);
    }

    String describe() {
        return switch (kind) {
            case END -> "end of template";
            case TEXT -> "template text";
            case STRING -> "string " + PyStrings.repr(text);
            default -> "'" + text + "'";
        };
    }
}
