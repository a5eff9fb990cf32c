package dev.gannet.runtime.server;

import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.runtime.backend.ToolChoice;
import java.util.List;

/**
 * A validated {@code POST /v1/chat/completions} request.
 *
 * @param model             the model the client named (the loaded one answers whatever it is)
 * @param parallelToolCalls false: at most one tool call per answer
 * @param stream            answer as server-sent events
 * @param includeUsage      when streaming, end with a chunk that carries the usage
 */
record ChatCall(String model, List<ChatMessage> messages, List<ToolDeclaration> tools, ToolChoice toolChoice,
                boolean parallelToolCalls, GenerationSettings settings, boolean stream, boolean includeUsage) {
}
