package dev.gannet.runtime.server;

import dev.gannet.runtime.backend.Cancellation;
import dev.gannet.runtime.backend.Completion;
import dev.gannet.runtime.backend.CompletionRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/chat/completions}: validates the request, queues it on the inference service and
 * answers as one {@code chat.completion} or as a stream of chunks. The event loop only parses and
 * writes; generation runs on the inference thread. A client that goes away cancels its completion,
 * whether it is still waiting in the queue or already generating.
 */
final class ChatCompletionsHandler implements Handler<RoutingContext> {
    static final String PATH = "/v1/chat/completions";
    /**
     * Every API request shares one KV-cache slot, as llama.cpp's server does: a client that resends a
     * growing conversation has its common prefix reused and pays only for the new messages.
     */
    static final String CACHE_SLOT = "openai-api";

    private final InferenceService inference;

    ChatCompletionsHandler(InferenceService inference) {
        this.inference = inference;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ChatCall call = ChatRequestParser.parse(ctx.body().asString());
        Cancellation cancellation = new Cancellation();
        CompletionRequest request = new CompletionRequest(call.messages(), call.tools(), call.toolChoice(),
                call.settings(), CACHE_SLOT, cancellation);
        HttpServerResponse response = ctx.response();
        response.closeHandler(v -> cancellation.cancel());
        ChatCompletionJson json = new ChatCompletionJson(ResponseIds.completion(), System.currentTimeMillis() / 1000,
                inference.modelId());
        Context context = ctx.vertx().getOrCreateContext();
        if (call.stream()) {
            stream(call, request, json, response, context);
        } else {
            answer(call, request, json, response, context);
        }
    }

    private void stream(ChatCall call, CompletionRequest request, ChatCompletionJson json,
                        HttpServerResponse response, Context context) {
        ChatStreamWriter writer = new ChatStreamWriter(response, json, call);
        CompletableFuture<Completion> done = inference.submit(request, new OnContextListener(context, writer));
        // The end goes through the context's queue like every delta before it. Future.fromCompletionStage
        // would run it at once when the completion is already done as this line registers, ahead of
        // deltas still queued, and the stream would end before its tool calls.
        done.whenComplete((completion, failure) -> context.runOnContext(v -> {
            if (failure == null) {
                writer.finish(completion);
            } else {
                writer.fail(ErrorResponses.describe(failure));
            }
        }));
    }

    private void answer(ChatCall call, CompletionRequest request, ChatCompletionJson json,
                        HttpServerResponse response, Context context) {
        AnswerCollector collector = new AnswerCollector(call.parallelToolCalls());
        CompletableFuture<Completion> done = inference.submit(request, collector);
        Future.fromCompletionStage(done, context).onComplete(completion -> {
            if (response.closed()) {
                return;
            }
            var calls = collector.calls();
            var ids = calls.stream().map(c -> ResponseIds.toolCall()).toList();
            String reason = calls.isEmpty() ? completion.finish().openAiName()
                    : completion.finish() == Completion.FinishReason.LENGTH ? "length" : "tool_calls";
            response.putHeader("Content-Type", "application/json")
                    .end(json.completion(collector.content(), calls, ids, reason, completion.usage()).toString());
        }, failure -> ErrorResponses.send(response, ErrorResponses.describe(failure)));
    }
}
