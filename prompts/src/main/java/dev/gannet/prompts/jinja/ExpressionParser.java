package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Parses expressions with jinja2's precedence, loosest first: conditional ({@code a if c else b}),
 * {@code or}, {@code and}, {@code not}, comparisons (chained, with {@code in} and {@code not in}),
 * {@code + -}, {@code ~}, {@code * / // %}, {@code **}, unary {@code - +}, then a primary with its
 * postfix attribute, item and call parts, filters ({@code |}) and tests ({@code is}).
 */
final class ExpressionParser {
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> TEST_ARGUMENT_STARTS = Set.of("(", "[", "{");

    private final TokenStream stream;
    private final Consumer<String> nameUsed;

    /** {@code nameUsed} hears every variable name read, so macros know if they use caller/varargs/kwargs. */
    ExpressionParser(TokenStream stream, Consumer<String> nameUsed) {
        this.stream = stream;
        this.nameUsed = nameUsed;
    }

    Expr expression() {
        return conditional(true);
    }

    Expr expression(boolean withConditional) {
        return conditional(withConditional);
    }

    /**
     * Expressions separated by commas make a tuple ({@code {{ a, b }}}, {@code for x in a, b}); the
     * tuple ends at a tag end, a closing parenthesis, or one of {@code endNames}.
     */
    Expr tuple(boolean simplified, boolean withConditional, Set<String> endNames, boolean explicitParentheses) {
        int line = stream.current().line();
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                stream.expectOperator(",");
            }
            if (isTupleEnd(endNames)) {
                break;
            }
            items.add(simplified ? primary() : conditional(withConditional));
            if (stream.current().isOperator(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.getFirst();
            }
            if (!explicitParentheses) {
                throw stream.fail("expected an expression, got " + stream.current().describe());
            }
        }
        return new Expr.TupleLiteral(List.copyOf(items), line);
    }

    private boolean isTupleEnd(Set<String> endNames) {
        Token token = stream.current();
        return token.kind() == Token.Kind.VARIABLE_END || token.kind() == Token.Kind.BLOCK_END
                || token.isOperator(")") || (token.kind() == Token.Kind.NAME && endNames.contains(token.text()));
    }

    private Expr conditional(boolean withConditional) {
        if (!withConditional) {
            return or();
        }
        int line = stream.current().line();
        Expr value = or();
        while (stream.skipName("if")) {
            Expr condition = or();
            Expr otherwise = stream.skipName("else") ? conditional(true) : null;
            value = new Expr.Conditional(condition, value, otherwise, line);
            line = stream.current().line();
        }
        return value;
    }

    private Expr or() {
        Expr left = and();
        while (stream.current().isName("or")) {
            int line = stream.next().line();
            left = new Expr.Or(left, and(), line);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (stream.current().isName("and")) {
            int line = stream.next().line();
            left = new Expr.And(left, not(), line);
        }
        return left;
    }

    private Expr not() {
        if (stream.current().isName("not")) {
            int line = stream.next().line();
            return new Expr.Not(not(), line);
        }
        return compare();
    }

    private Expr compare() {
        int line = stream.current().line();
        Expr first = additive();
        List<String> operators = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Token token = stream.current();
            if (token.kind() == Token.Kind.OPERATOR && COMPARISONS.contains(token.text())) {
                stream.next();
                operators.add(token.text());
            } else if (token.isName("in")) {
                stream.next();
                operators.add("in");
            } else if (token.isName("not") && stream.peek().isName("in")) {
                stream.next();
                stream.next();
                operators.add("not in");
            } else {
                break;
            }
            operands.add(additive());
        }
        return operators.isEmpty() ? first : new Expr.Compare(first, List.copyOf(operators), List.copyOf(operands), line);
    }

    private Expr additive() {
        Expr left = concat();
        while (stream.current().isOperator("+") || stream.current().isOperator("-")) {
            Token operator = stream.next();
            left = new Expr.Binary(operator.text(), left, concat(), operator.line());
        }
        return left;
    }

    private Expr concat() {
        Expr left = multiplicative();
        while (stream.current().isOperator("~")) {
            int line = stream.next().line();
            left = new Expr.Binary("~", left, multiplicative(), line);
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = power();
        while (true) {
            Token token = stream.current();
            if (token.isOperator("*") || token.isOperator("/") || token.isOperator("//") || token.isOperator("%")) {
                stream.next();
                left = new Expr.Binary(token.text(), left, power(), token.line());
            } else {
                return left;
            }
        }
    }

    private Expr power() {
        Expr left = unary(true);
        while (stream.current().isOperator("**")) {
            int line = stream.next().line();
            left = new Expr.Binary("**", left, unary(true), line);
        }
        return left;
    }

    private Expr unary(boolean withFilters) {
        Token token = stream.current();
        Expr node;
        if (token.isOperator("-") || token.isOperator("+")) {
            stream.next();
            node = new Expr.Unary(token.text(), unary(false), token.line());
        } else {
            node = primary();
        }
        node = postfix(node);
        return withFilters ? filtersAndTests(node) : node;
    }

    Expr primary() {
        Token token = stream.current();
        switch (token.kind()) {
            case NAME -> {
                stream.next();
                return switch (token.text()) {
                    case "true", "True" -> new Expr.Literal(Boolean.TRUE, token.line());
                    case "false", "False" -> new Expr.Literal(Boolean.FALSE, token.line());
                    case "none", "None" -> new Expr.Literal(null, token.line());
                    default -> {
                        nameUsed.accept(token.text());
                        yield new Expr.Name(token.text(), token.line());
                    }
                };
            }
            case STRING -> {
                StringBuilder text = new StringBuilder();
                while (stream.current().kind() == Token.Kind.STRING) {
                    text.append(stream.next().text());
                }
                return new Expr.Literal(text.toString(), token.line());
            }
            case INTEGER -> {
                stream.next();
                try {
                    return new Expr.Literal(Long.parseLong(token.text()), token.line());
                } catch (NumberFormatException e) {
                    throw new TemplateSyntaxException("integer literal too large: " + token.text(), token.line());
                }
            }
            case FLOAT -> {
                stream.next();
                return new Expr.Literal(Double.parseDouble(token.text()), token.line());
            }
            case OPERATOR -> {
                switch (token.text()) {
                    case "(" -> {
                        stream.next();
                        Expr inner = tuple(false, true, Set.of(), true);
                        stream.expectOperator(")");
                        return inner;
                    }
                    case "[" -> {
                        return listLiteral();
                    }
                    case "{" -> {
                        return dictLiteral();
                    }
                    default -> throw stream.fail("unexpected " + token.describe());
                }
            }
            default -> throw stream.fail("unexpected " + token.describe());
        }
    }

    private Expr listLiteral() {
        int line = stream.next().line();
        List<Expr> items = new ArrayList<>();
        while (!stream.current().isOperator("]")) {
            if (!items.isEmpty()) {
                stream.expectOperator(",");
            }
            if (stream.current().isOperator("]")) {
                break;
            }
            items.add(expression());
        }
        stream.expectOperator("]");
        return new Expr.ListLiteral(List.copyOf(items), line);
    }

    private Expr dictLiteral() {
        int line = stream.next().line();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!stream.current().isOperator("}")) {
            if (!keys.isEmpty()) {
                stream.expectOperator(",");
            }
            if (stream.current().isOperator("}")) {
                break;
            }
            keys.add(expression());
            stream.expectOperator(":");
            values.add(expression());
        }
        stream.expectOperator("}");
        return new Expr.DictLiteral(List.copyOf(keys), List.copyOf(values), line);
    }

    private Expr postfix(Expr node) {
        while (true) {
            Token token = stream.current();
            if (token.isOperator(".") || token.isOperator("[")) {
                node = subscript(node);
            } else if (token.isOperator("(")) {
                node = new Expr.Call(node, callArguments(), token.line());
            } else {
                return node;
            }
        }
    }

    private Expr filtersAndTests(Expr node) {
        while (true) {
            Token token = stream.current();
            if (token.isOperator("|")) {
                node = filter(node);
            } else if (token.isName("is")) {
                node = test(node);
            } else if (token.isOperator("(")) {
                node = new Expr.Call(node, callArguments(), token.line());
            } else {
                return node;
            }
        }
    }

    private Expr subscript(Expr node) {
        Token token = stream.next();
        if (token.isOperator(".")) {
            Token attribute = stream.current();
            if (attribute.kind() == Token.Kind.NAME) {
                stream.next();
                return new Expr.Attribute(node, attribute.text(), token.line());
            }
            if (attribute.kind() == Token.Kind.INTEGER) {
                stream.next();
                return new Expr.Item(node, new Expr.Literal(Long.parseLong(attribute.text()), attribute.line()), token.line());
            }
            throw stream.fail("expected a name or number after '.', got " + attribute.describe());
        }
        List<Expr> keys = new ArrayList<>();
        while (!stream.current().isOperator("]")) {
            if (!keys.isEmpty()) {
                stream.expectOperator(",");
            }
            keys.add(subscribed());
        }
        stream.expectOperator("]");
        Expr key = keys.size() == 1 ? keys.getFirst() : new Expr.TupleLiteral(List.copyOf(keys), token.line());
        return new Expr.Item(node, key, token.line());
    }

    /** One subscript: an expression, or a slice with any of its three parts left out. */
    private Expr subscribed() {
        int line = stream.current().line();
        Expr start = null;
        if (!stream.current().isOperator(":")) {
            start = expression();
            if (!stream.current().isOperator(":")) {
                return start;
            }
        }
        stream.expectOperator(":");
        Expr stop = null;
        if (!isSliceEnd() && !stream.current().isOperator(":")) {
            stop = expression();
        }
        Expr step = null;
        if (stream.skipOperator(":") && !isSliceEnd()) {
            step = expression();
        }
        return new Expr.SliceKey(start, stop, step, line);
    }

    private boolean isSliceEnd() {
        return stream.current().isOperator("]") || stream.current().isOperator(",");
    }

    Expr.CallArguments callArguments() {
        stream.expectOperator("(");
        List<Expr> positional = new ArrayList<>();
        Map<String, Expr> keyword = new LinkedHashMap<>();
        boolean first = true;
        while (!stream.current().isOperator(")")) {
            if (!first) {
                stream.expectOperator(",");
                if (stream.current().isOperator(")")) {
                    break;
                }
            }
            first = false;
            if (stream.current().isOperator("*") || stream.current().isOperator("**")) {
                throw stream.fail("*args and **kwargs in calls are not supported");
            }
            if (stream.current().kind() == Token.Kind.NAME && stream.peek().isOperator("=")) {
                String name = stream.next().text();
                stream.next();
                if (keyword.put(name, expression()) != null) {
                    throw stream.fail("keyword argument repeated: " + name);
                }
            } else {
                if (!keyword.isEmpty()) {
                    throw stream.fail("positional argument follows keyword argument");
                }
                positional.add(expression());
            }
        }
        stream.expectOperator(")");
        return new Expr.CallArguments(List.copyOf(positional), keyword);
    }

    private Expr filter(Expr node) {
        stream.expectOperator("|");
        Node.FilterCall call = filterCall();
        return new Expr.Filter(node, call.name(), call.arguments(), call.line());
    }

    /** A filter's name and arguments, after the {@code |} (also the head of a filter block). */
    Node.FilterCall filterCall() {
        Token name = stream.expect(Token.Kind.NAME);
        String full = dottedName(name.text());
        Expr.CallArguments arguments = stream.current().isOperator("(") ? callArguments() : Expr.CallArguments.NONE;
        return new Node.FilterCall(full, arguments, name.line());
    }

    private String dottedName(String first) {
        StringBuilder full = new StringBuilder(first);
        while (stream.current().isOperator(".")) {
            stream.next();
            full.append('.').append(stream.expect(Token.Kind.NAME).text());
        }
        return full.toString();
    }

    private Expr test(Expr node) {
        int line = stream.next().line();
        boolean negated = stream.skipName("not");
        String name = dottedName(stream.expect(Token.Kind.NAME).text());
        Expr.CallArguments arguments;
        Token token = stream.current();
        if (token.isOperator("(")) {
            arguments = callArguments();
        } else if (startsTestArgument(token)) {
            if (token.isName("is")) {
                throw stream.fail("you cannot chain multiple tests with is");
            }
            arguments = new Expr.CallArguments(List.of(postfix(primary())), Map.of());
        } else {
            arguments = Expr.CallArguments.NONE;
        }
        Expr test = new Expr.Test(node, name, arguments, line);
        return negated ? new Expr.Not(test, line) : test;
    }

    /** jinja2 takes one bare argument after a test name ({@code is divisibleby 3}) when one follows. */
    private static boolean startsTestArgument(Token token) {
        return switch (token.kind()) {
            case NAME -> !token.text().equals("else") && !token.text().equals("or") && !token.text().equals("and");
            case STRING, INTEGER, FLOAT -> true;
            case OPERATOR -> TEST_ARGUMENT_STARTS.contains(token.text()) && !token.text().equals("(");
            default -> false;
        };
    }
}
