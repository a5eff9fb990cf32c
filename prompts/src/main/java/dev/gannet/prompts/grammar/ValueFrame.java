package dev.gannet.prompts.grammar;

/** A JSON value of the given spec, before its first character: the character picks the kind. */
record ValueFrame(ValueSpec spec) implements Frame {

    @Override
    public Step consume(char c) {
        return switch (spec) {
            case ValueSpec.AnyValue any -> switch (c) {
                case '"' -> Step.to(StringFrame.START);
                case '{' -> Step.to(ObjectFrame.open(ValueSpec.AnyValue.ANY_OBJECT));
                case '[' -> Step.to(ArrayFrame.open(ValueSpec.AnyValue.ANY_ARRAY));
                case 't', 'f', 'n' -> new ChoiceFrame(ValueSpec.AnyValue.KEYWORDS.choice).consume(c);
                default -> NumberFrame.start(false).consume(c);
            };
            case ValueSpec.StringValue string -> c == '"' ? Step.to(StringFrame.START) : null;
            case ValueSpec.NumberValue number -> NumberFrame.start(number.integer).consume(c);
            case ValueSpec.LiteralValue literal -> new ChoiceFrame(literal.choice).consume(c);
            case ValueSpec.ObjectValue object -> c == '{' ? Step.to(ObjectFrame.open(object)) : null;
            case ValueSpec.ArrayValue array -> c == '[' ? Step.to(ArrayFrame.open(array)) : null;
            case ValueSpec.UnionValue union -> {
                for (ValueSpec alternative : union.alternatives) {
                    Step step = new ValueFrame(alternative).consume(c);
                    if (step != null) {
                        yield step;
                    }
                }
                yield null;
            }
            case ValueSpec.ToolCallValue call -> c == '{' ? Step.then(WhitespaceFrame.START,
                    new LiteralFrame("\"name\""), WhitespaceFrame.START, new LiteralFrame(":"), WhitespaceFrame.START,
                    new ChoiceFrame(call.names)) : null;
        };
    }
}
