package dev.gannet.prompts.toolcall;

/**
 * What a call syntax may know about the text before a possible call.
 *
 * @param tools          the declared tools
 * @param atMessageStart nothing but whitespace and calls so far: JSON here is meant as a call, so
 *                       a broken one is an error rather than answer text
 * @param atLineStart    only spaces since the last newline (or call, or the start)
 * @param inCodeFence    inside a ``` block of the answer, where JSON is code, not a call
 */
record ScanContext(DeclaredTools tools, boolean atMessageStart, boolean atLineStart, boolean inCodeFence) {
}
