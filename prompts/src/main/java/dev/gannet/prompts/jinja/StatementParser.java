package dev.gannet.prompts.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the template's statements: output, if/elif/else, for (with {@code if} filter and
 * {@code else}), set (plain, namespace attribute, block with filters), macro, call blocks, filter
 * blocks, break/continue and Hugging Face's {@code generation} block. Anything else is refused by name.
 */
final class StatementParser {
    private final TokenStream stream;
    private final ExpressionParser expressions;
    /** The names read inside each macro being parsed, innermost last. */
    private final Deque<Set<String>> macroNames = new ArrayDeque<>();
    private int loopDepth;

    private StatementParser(List<Token> tokens) {
        this.stream = new TokenStream(tokens);
        this.expressions = new ExpressionParser(stream, name -> {
            Set<String> names = macroNames.peek();
            if (names != null) {
                names.add(name);
            }
        });
    }

    static List<Node> parse(String source) {
        StatementParser parser = new StatementParser(Lexer.tokenize(source));
        List<Node> body = parser.body(Set.of());
        if (parser.stream.current().kind() != Token.Kind.END) {
            throw parser.stream.fail("unexpected '" + parser.stream.peek().text() + "'");
        }
        return body;
    }

    /** Nodes up to (not including) a block whose tag name is one of {@code endNames}. */
    private List<Node> body(Set<String> endNames) {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token token = stream.current();
            switch (token.kind()) {
                case END -> {
                    if (!endNames.isEmpty()) {
                        throw stream.fail("unexpected end of template, expected one of " + String.join(", ", endNames.stream().sorted().toList()));
                    }
                    return nodes;
                }
                case TEXT -> nodes.add(new Node.Text(stream.next().text()));
                case VARIABLE_BEGIN -> {
                    stream.next();
                    Expr expression = expressions.tuple(false, true, Set.of(), false);
                    stream.expect(Token.Kind.VARIABLE_END);
                    nodes.add(new Node.Output(expression, token.line()));
                }
                case BLOCK_BEGIN -> {
                    Token name = stream.peek();
                    if (name.kind() == Token.Kind.NAME && endNames.contains(name.text())) {
                        return nodes;
                    }
                    stream.next();
                    nodes.add(statement());
                }
                default -> throw stream.fail("unexpected " + token.describe());
            }
        }
    }

    private Node statement() {
        Token name = stream.current();
        if (name.kind() != Token.Kind.NAME) {
            throw stream.fail("expected a tag name, got " + name.describe());
        }
        stream.next();
        return switch (name.text()) {
            case "if" -> ifStatement(name.line());
            case "for" -> forStatement(name.line());
            case "set" -> setStatement(name.line());
            case "macro" -> macroStatement(name.line());
            case "call" -> callStatement(name.line());
            case "filter" -> filterStatement(name.line());
            case "generation" -> {
                stream.expect(Token.Kind.BLOCK_END);
                List<Node> body = body(Set.of("endgeneration"));
                closeBlock("endgeneration");
                yield new Node.Block(body);
            }
            case "break", "continue" -> {
                if (loopDepth == 0) {
                    throw new TemplateSyntaxException("'" + name.text() + "' outside of a loop", name.line());
                }
                stream.expect(Token.Kind.BLOCK_END);
                yield name.text().equals("break") ? new Node.Break(name.line()) : new Node.Continue(name.line());
            }
            default -> throw new TemplateSyntaxException("unknown tag '" + name.text() + "'", name.line());
        };
    }

    /** Consumes {@code {% name %}} that ends a block. */
    private void closeBlock(String name) {
        stream.expect(Token.Kind.BLOCK_BEGIN);
        stream.expectName(name);
        stream.expect(Token.Kind.BLOCK_END);
    }

    private Node ifStatement(int line) {
        List<Expr> conditions = new ArrayList<>();
        List<List<Node>> branches = new ArrayList<>();
        List<Node> otherwise = List.of();
        conditions.add(expressions.tuple(false, false, Set.of(), false));
        stream.expect(Token.Kind.BLOCK_END);
        branches.add(body(Set.of("elif", "else", "endif")));
        while (true) {
            stream.expect(Token.Kind.BLOCK_BEGIN);
            Token keyword = stream.next();
            if (keyword.isName("elif")) {
                conditions.add(expressions.tuple(false, false, Set.of(), false));
                stream.expect(Token.Kind.BLOCK_END);
                branches.add(body(Set.of("elif", "else", "endif")));
            } else if (keyword.isName("else")) {
                stream.expect(Token.Kind.BLOCK_END);
                otherwise = body(Set.of("endif"));
                closeBlock("endif");
                break;
            } else {
                stream.expect(Token.Kind.BLOCK_END);
                break;
            }
        }
        return new Node.If(List.copyOf(conditions), List.copyOf(branches), otherwise, line);
    }

    private Node forStatement(int line) {
        Target target = assignTarget(Set.of("in"), false);
        stream.expectName("in");
        Expr iterable = expressions.tuple(false, false, Set.of("recursive"), false);
        Expr filter = stream.skipName("if") ? expressions.expression() : null;
        if (stream.current().isName("recursive")) {
            throw stream.fail("recursive for loops are not supported");
        }
        stream.expect(Token.Kind.BLOCK_END);
        loopDepth++;
        List<Node> body = body(Set.of("endfor", "else"));
        loopDepth--;
        List<Node> otherwise = List.of();
        stream.expect(Token.Kind.BLOCK_BEGIN);
        if (stream.skipName("else")) {
            stream.expect(Token.Kind.BLOCK_END);
            otherwise = body(Set.of("endfor"));
            stream.expect(Token.Kind.BLOCK_BEGIN);
        }
        stream.expectName("endfor");
        stream.expect(Token.Kind.BLOCK_END);
        return new Node.For(target, iterable, filter, body, otherwise, line);
    }

    private Node setStatement(int line) {
        Target target = assignTarget(Set.of(), true);
        if (stream.skipOperator("=")) {
            Expr value = expressions.tuple(false, true, Set.of(), false);
            stream.expect(Token.Kind.BLOCK_END);
            return new Node.Set(target, value, line);
        }
        List<Node.FilterCall> filters = new ArrayList<>();
        while (stream.skipOperator("|")) {
            filters.add(expressions.filterCall());
        }
        stream.expect(Token.Kind.BLOCK_END);
        List<Node> body = body(Set.of("endset"));
        closeBlock("endset");
        return new Node.SetBlock(target, List.copyOf(filters), body, line);
    }

    /** A name, a tuple of names ({@code for k, v in …}), or with {@code withNamespace} {@code ns.attr}. */
    private Target assignTarget(Set<String> endNames, boolean withNamespace) {
        if (withNamespace && stream.current().kind() == Token.Kind.NAME && stream.peek().isOperator(".")) {
            String namespace = stream.next().text();
            stream.next();
            String attribute = stream.expect(Token.Kind.NAME).text();
            return new Target.NamespaceAttribute(namespace, attribute);
        }
        Expr parsed = expressions.tuple(true, false, endNames, false);
        return toTarget(parsed);
    }

    private Target toTarget(Expr parsed) {
        return switch (parsed) {
            case Expr.Name name -> {
                if (Set.of("true", "false", "none", "True", "False", "None").contains(name.name())) {
                    throw new TemplateSyntaxException("cannot assign to " + name.name(), name.line());
                }
                yield new Target.Name(name.name());
            }
            case Expr.TupleLiteral tuple -> new Target.Tuple(tuple.items().stream().map(this::toTarget).toList());
            default -> throw new TemplateSyntaxException("cannot assign to this expression", parsed.line());
        };
    }

    private Node.Macro macroStatement(int line) {
        String name = stream.expect(Token.Kind.NAME).text();
        List<String> parameters = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        signature(parameters, defaults);
        stream.expect(Token.Kind.BLOCK_END);
        return macroBody(name, parameters, defaults, "endmacro", line);
    }

    private Node.Macro macroBody(String name, List<String> parameters, List<Expr> defaults, String endName, int line) {
        macroNames.push(new HashSet<>());
        int outerLoopDepth = loopDepth;
        loopDepth = 0;
        List<Node> body = body(Set.of(endName));
        loopDepth = outerLoopDepth;
        Set<String> used = macroNames.pop();
        closeBlock(endName);
        // Names read inside a nested macro are read by this one too (a closure reads through it).
        if (!macroNames.isEmpty()) {
            macroNames.peek().addAll(used);
        }
        return new Node.Macro(name, List.copyOf(parameters), java.util.Collections.unmodifiableList(defaults), body,
                used.contains("caller"), used.contains("varargs"), used.contains("kwargs"), line);
    }

    /** {@code (a, b=default, …)}; a parameter without a default may not follow one with. */
    private void signature(List<String> parameters, List<Expr> defaults) {
        stream.expectOperator("(");
        while (!stream.current().isOperator(")")) {
            if (!parameters.isEmpty()) {
                stream.expectOperator(",");
            }
            Token parameter = stream.expect(Token.Kind.NAME);
            parameters.add(parameter.text());
            if (stream.skipOperator("=")) {
                defaults.add(expressions.expression());
            } else {
                if (defaults.stream().anyMatch(java.util.Objects::nonNull)) {
                    throw new TemplateSyntaxException("non-default argument follows default argument", parameter.line());
                }
                defaults.add(null);
            }
        }
        stream.expectOperator(")");
    }

    private Node callStatement(int line) {
        List<String> parameters = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        if (stream.current().isOperator("(")) {
            signature(parameters, defaults);
        }
        Expr call = expressions.expression();
        if (!(call instanceof Expr.Call callExpression)) {
            throw new TemplateSyntaxException("expected a call after 'call'", line);
        }
        stream.expect(Token.Kind.BLOCK_END);
        Node.Macro caller = macroBody("caller", parameters, defaults, "endcall", line);
        return new Node.CallBlock(callExpression, caller, line);
    }

    private Node filterStatement(int line) {
        List<Node.FilterCall> filters = new ArrayList<>();
        filters.add(expressions.filterCall());
        while (stream.skipOperator("|")) {
            filters.add(expressions.filterCall());
        }
        stream.expect(Token.Kind.BLOCK_END);
        List<Node> body = body(Set.of("endfilter"));
        closeBlock("endfilter");
        return new Node.FilterBlock(List.copyOf(filters), body, line);
    }
}
