package dev.gannet.prompts.grammar;

/**
 * The parameters of a Qwen3-Coder XML call, after {@code <function=NAME>}: each unused parameter
 * as {@code <parameter=KEY>VALUE</parameter>}, in any order, then {@code </function>} once the
 * required ones are there, then {@code </tool_call>}. {@code prefix} is the tag read so far.
 */
record XmlParametersFrame(XmlTool tool, long used, String prefix) implements Frame {
    private static final String CLOSE = "</function>";
    private static final String OPEN = "<parameter=";

    static XmlParametersFrame start(XmlTool tool) {
        return new XmlParametersFrame(tool, 0, "");
    }

    @Override
    public Step consume(char c) {
        String tag = prefix + c;
        boolean canClose = (used & tool.required) == tool.required;
        if (canClose && tag.equals(CLOSE)) {
            return Step.then(WhitespaceFrame.START, new LiteralFrame("</tool_call>"));
        }
        boolean possible = canClose && CLOSE.startsWith(tag);
        for (int i = 0; i < tool.names.length; i++) {
            if ((used & 1L << i) != 0) {
                continue;
            }
            String open = OPEN + tool.names[i] + ">";
            if (tag.equals(open)) {
                Frame[] value = tool.values[i];
                Frame[] then = new Frame[value.length + 2];
                System.arraycopy(value, 0, then, 0, value.length);
                then[value.length] = WhitespaceFrame.START;
                then[value.length + 1] = new XmlParametersFrame(tool, used | 1L << i, "");
                return Step.then(then);
            }
            possible |= open.startsWith(tag);
        }
        return possible ? Step.to(new XmlParametersFrame(tool, used, tag)) : null;
    }
}
