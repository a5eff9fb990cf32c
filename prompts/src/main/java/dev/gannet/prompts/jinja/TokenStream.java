package dev.gannet.prompts.jinja;

import java.util.List;

/** A cursor over the tokens with the look-ahead and expectations the parsers need. */
final class TokenStream {
    private final List<Token> tokens;
    private int index;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token current() {
        return tokens.get(index);
    }

    Token peek() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    boolean skipOperator(String operator) {
        if (current().isOperator(operator)) {
            next();
            return true;
        }
        return false;
    }

    boolean skipName(String name) {
        if (current().isName(name)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Token.Kind kind) {
        if (current().kind() != kind) {
            throw fail("expected " + describe(kind) + ", got " + current().describe());
        }
        return next();
    }

    void expectOperator(String operator) {
        if (!current().isOperator(operator)) {
            throw fail("expected '" + operator + "', got " + current().describe());
        }
        next();
    }

    void expectName(String name) {
        if (!current().isName(name)) {
            throw fail("expected '" + name + "', got " + current().describe());
        }
        next();
    }

    TemplateSyntaxException fail(String message) {
        return new TemplateSyntaxException(message, current().line());
    }

    private static String describe(Token.Kind kind) {
        return switch (kind) {
            case NAME -> "a name";
            case BLOCK_END -> "end of statement block '%}'";
            case VARIABLE_END -> "end of print statement '}}'";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
