package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits template source into tokens with jinja2's whitespace control as Hugging Face configures it:
 * {@code trim_blocks} (the first newline after a block or comment tag is dropped), {@code lstrip_blocks}
 * (spaces and tabs before a block or comment tag at the start of a line are dropped), {@code -} on a
 * tag side strips all whitespace on that side, {@code +} turns the block rules off. Like jinja2, newlines
 * are normalized to {@code \n} and one trailing newline of the source is dropped.
 */
final class Lexer {
    private static final List<String> OPERATORS = List.of(
            "//", "**", "==", "!=", "<=", ">=",
            "+", "-", "*", "/", "%", "~", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "=", "<", ">", ";");

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private int line = 1;
    /** Whether the last thing consumed ended a line, so that text before the next tag starts one. */
    private boolean lineStarting = true;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String raw) {
        Lexer lexer = new Lexer(normalize(raw));
        lexer.run();
        return lexer.tokens;
    }

    private static String normalize(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private void run() {
        while (position < source.length()) {
            int tag = nextTagStart(position);
            if (tag < 0) {
                emitText(source.substring(position));
                position = source.length();
                break;
            }
            char kind = source.charAt(tag + 1);
            char sign = tag + 2 < source.length() ? source.charAt(tag + 2) : 0;
            String text = source.substring(position, tag);
            int textLines = countLines(text);
            if (sign == '-') {
                text = PyStrings.strip(text, null, false, true);
            } else if (sign != '+' && kind != '{') {
                text = lstripBeforeTag(text);
            }
            emitText(text);
            line += textLines - countLines(text);
            position = tag + 2 + (sign == '-' || sign == '+' ? 1 : 0);
            switch (kind) {
                case '#' -> comment();
                case '%' -> expressionTag(Token.Kind.BLOCK_BEGIN, Token.Kind.BLOCK_END, "%}");
                default -> expressionTag(Token.Kind.VARIABLE_BEGIN, Token.Kind.VARIABLE_END, "}}");
            }
        }
        tokens.add(new Token(Token.Kind.END, "", line));
    }

    private int nextTagStart(int from) {
        int at = source.indexOf('{', from);
        while (at >= 0 && at + 1 < source.length()) {
            char next = source.charAt(at + 1);
            if (next == '{' || next == '%' || next == '#') {
                return at;
            }
            at = source.indexOf('{', at + 1);
        }
        return -1;
    }

    /** lstrip_blocks: drop the spaces and tabs between the line start and the tag. */
    private String lstripBeforeTag(String text) {
        int lineStart = text.lastIndexOf('\n') + 1;
        if (lineStart == 0 && !lineStarting) {
            return text;
        }
        for (int i = lineStart; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return text;
            }
        }
        return text.substring(0, lineStart);
    }

    private void emitText(String text) {
        if (!text.isEmpty()) {
            tokens.add(new Token(Token.Kind.TEXT, text, line));
            line += countLines(text);
        }
    }

    private void comment() {
        int end = source.indexOf("#}", position);
        if (end < 0) {
            throw new TemplateSyntaxException("missing end of comment tag", line);
        }
        char sign = end > position ? source.charAt(end - 1) : 0;
        line += countLines(source.substring(position, end));
        position = end + 2;
        afterTag(sign, true);
    }

    private void expressionTag(Token.Kind begin, Token.Kind end, String closer) {
        tokens.add(new Token(begin, begin == Token.Kind.BLOCK_BEGIN ? "{%" : "{{", line));
        int depth = 0;
        while (true) {
            skipWhitespace();
            if (position >= source.length()) {
                throw new TemplateSyntaxException("unexpected end of template, expected '" + closer + "'", line);
            }
            if (depth == 0) {
                char first = source.charAt(position);
                boolean signed = (first == '-' || first == '+') && source.startsWith(closer, position + 1);
                if (signed || source.startsWith(closer, position)) {
                    tokens.add(new Token(end, closer, line));
                    position += closer.length() + (signed ? 1 : 0);
                    afterTag(signed ? first : 0, begin == Token.Kind.BLOCK_BEGIN);
                    return;
                }
            }
            char c = source.charAt(position);
            if (c == '\'' || c == '"') {
                string(c);
            } else if (Character.isDigit(c)) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                int start = position;
                while (position < source.length()
                        && (Character.isLetterOrDigit(source.charAt(position)) || source.charAt(position) == '_')) {
                    position++;
                }
                tokens.add(new Token(Token.Kind.NAME, source.substring(start, position), line));
            } else {
                String operator = operatorAt(position);
                switch (operator) {
                    case "(", "[", "{" -> depth++;
                    case ")", "]", "}" -> {
                        if (depth == 0) {
                            throw new TemplateSyntaxException("unexpected '" + operator + "'", line);
                        }
                        depth--;
                    }
                    default -> {
                    }
                }
                tokens.add(new Token(Token.Kind.OPERATOR, operator, line));
                position += operator.length();
            }
        }
    }

    /** What follows a tag's closer: {@code -} strips all whitespace, a block or comment drops one newline. */
    private void afterTag(char sign, boolean isBlock) {
        int start = position;
        if (sign == '-') {
            while (position < source.length() && PyStrings.isSpace(source.charAt(position))) {
                position++;
            }
        } else if (sign != '+' && isBlock && position < source.length() && source.charAt(position) == '\n') {
            position++;
        }
        line += countLines(source.substring(start, position));
        lineStarting = position > start ? source.charAt(position - 1) == '\n' : false;
    }

    private void skipWhitespace() {
        while (position < source.length() && PyStrings.isSpace(source.charAt(position))) {
            if (source.charAt(position) == '\n') {
                line++;
            }
            position++;
        }
    }

    private String operatorAt(int at) {
        for (String operator : OPERATORS) {
            if (source.startsWith(operator, at)) {
                return operator;
            }
        }
        throw new TemplateSyntaxException("unexpected character " + PyStrings.repr(String.valueOf(source.charAt(at))), line);
    }

    private void number() {
        int start = position;
        digits();
        boolean isFloat = false;
        boolean afterDot = !tokens.isEmpty() && tokens.getLast().isOperator(".");
        if (!afterDot && position + 1 < source.length() && source.charAt(position) == '.'
                && Character.isDigit(source.charAt(position + 1))) {
            position++;
            digits();
            isFloat = true;
        }
        if (!afterDot && position < source.length() && (source.charAt(position) == 'e' || source.charAt(position) == 'E')) {
            int mark = position;
            position++;
            if (position < source.length() && (source.charAt(position) == '+' || source.charAt(position) == '-')) {
                position++;
            }
            if (position < source.length() && Character.isDigit(source.charAt(position))) {
                digits();
                isFloat = true;
            } else {
                position = mark;
            }
        }
        String text = source.substring(start, position).replace("_", "");
        tokens.add(new Token(isFloat ? Token.Kind.FLOAT : Token.Kind.INTEGER, text, line));
    }

    private void digits() {
        while (position < source.length() && (Character.isDigit(source.charAt(position))
                || (source.charAt(position) == '_' && position + 1 < source.length()
                && Character.isDigit(source.charAt(position + 1))))) {
            position++;
        }
    }

    private void string(char quote) {
        int startLine = line;
        int i = position + 1;
        StringBuilder raw = new StringBuilder();
        while (true) {
            if (i >= source.length()) {
                throw new TemplateSyntaxException("unterminated string", startLine);
            }
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                raw.append(c).append(source.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                break;
            } else {
                raw.append(c);
                i++;
            }
        }
        line += countLines(raw.toString());
        position = i + 1;
        tokens.add(new Token(Token.Kind.STRING, StringLiterals.decode(raw.toString(), startLine), startLine));
    }

    private static int countLines(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
