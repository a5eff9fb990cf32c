package dev.gannet.prompts.toolcall;

import java.util.List;

/** One way of writing calls in text, such as Hermes' {@code <tool_call>…</tool_call>}. */
interface CallSyntax {

    /** The texts that may open a call of this syntax; the parser looks for nothing else. */
    List<String> openers();

    /** Whether a call may open here at all (bare JSON, for instance, only at the start of a line). */
    default boolean enabledAt(ScanContext context) {
        return true;
    }

    /**
     * Reads the call that {@code text} holds at {@code start}, where one of the openers begins.
     *
     * @param endOfInput no more text will come: the verdict must not be NeedMore
     */
    Scan scan(CharSequence text, int start, ScanContext context, boolean endOfInput);
}
