/**
 * Tool calls read out of a model's output: {@link dev.gannet.prompts.toolcall.ToolCallParser}
 * (whole text) and {@link dev.gannet.prompts.toolcall.StreamingToolCallParser} (chunk by chunk,
 * same result for any split), for the syntaxes of {@link dev.gannet.prompts.toolcall.ToolCallFormat}.
 * Calls are checked against {@link dev.gannet.prompts.toolcall.DeclaredTools}; what the model got
 * wrong comes back as a {@link dev.gannet.prompts.toolcall.ToolCallError}, never as an exception.
 */
package dev.gannet.prompts.toolcall;
