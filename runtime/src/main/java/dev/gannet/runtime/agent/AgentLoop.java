package dev.gannet.runtime.agent;

import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import dev.gannet.runtime.backend.BackendException;
import dev.gannet.runtime.backend.Cancellation;
import dev.gannet.runtime.backend.Completion;
import dev.gannet.runtime.backend.CompletionListener;
import dev.gannet.runtime.backend.CompletionRequest;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.backend.ToolChoice;
import dev.gannet.runtime.session.ToolRun;
import dev.gannet.runtime.session.TurnRecord;
import dev.gannet.tools.ToolRegistry;
import dev.gannet.tools.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent: render → generate (streamed) → parse → validate → run tools → append results → repeat,
 * until the model answers or a limit (steps, tokens, wall clock) or a cancellation ends the turn.
 * Every step is reported as {@link AgentEvent}s and written to the conversation as it finishes.
 *
 * <p>Blocking: run it on a thread of its own, never on an event loop. One turn at a time per
 * conversation; one loop may serve many conversations one after another or at once.
 */
public final class AgentLoop {
    private final ModelBackend backend;
    private final ToolRegistry tools;
    private final AgentSettings settings;
    private final List<ToolDeclaration> declarations;

    public AgentLoop(ModelBackend backend, ToolRegistry tools, AgentSettings settings) {
        this.backend = backend;
        this.tools = tools;
        this.settings = settings;
        this.declarations = ToolDeclarations.fromOpenAi(tools.declarations(settings.tools().mode()));
    }

    /** The backend's tool-use system prompt: what a new conversation should start with. */
    public String systemPrompt() {
        return backend.toolUseSystemPrompt();
    }

    public String modelId() {
        return backend.id();
    }

    /** Runs one turn: the user's text, then as many steps as it takes. Always ends with a {@code done} event. */
    public TurnOutcome run(Conversation conversation, String userText, AgentEventSink sink, Cancellation cancellation) {
        Turn turn = new Turn(conversation, sink, cancellation);
        sink.emit(new AgentEvent.Session(conversation.id()));
        conversation.append(ChatMessage.user(userText));
        TurnOutcome outcome;
        try {
            outcome = turn.run();
        } catch (BackendException e) {
            outcome = turn.end(TurnOutcome.Kind.ERROR, "", e.getMessage());
        } catch (RuntimeException e) {
            // A fault of ours must still end the turn cleanly for the client; the message names it.
            outcome = turn.end(TurnOutcome.Kind.ERROR, "",
                    "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (!outcome.answered()) {
            sink.emit(new AgentEvent.Error(outcome.detail()));
        }
        double tokensPerSecond = turn.generationNanos == 0 ? 0 : outcome.completionTokens() * 1e9 / turn.generationNanos;
        sink.emit(new AgentEvent.Done(outcome.steps(), outcome.promptTokens(), outcome.completionTokens(),
                outcome.ms(), tokensPerSecond, (turn.promptNanos + turn.generationNanos) / 1_000_000,
                turn.toolNanos / 1_000_000));
        conversation.recordTurn(new TurnRecord(outcome.steps(), outcome.promptTokens(), outcome.completionTokens(),
                outcome.ms(), outcome.kind().wireName(), backend.id()));
        return outcome;
    }

    /** The state of one turn. */
    private final class Turn {
        private final Conversation conversation;
        private final AgentEventSink sink;
        private final Cancellation cancellation;
        private final LoopGuard guard = new LoopGuard();
        private final long startNanos = System.nanoTime();
        private int steps;
        private int promptTokens;
        private int completionTokens;
        private long generationNanos;
        private long promptNanos;
        private long toolNanos;
        private int invalidCalls;

        Turn(Conversation conversation, AgentEventSink sink, Cancellation cancellation) {
            this.conversation = conversation;
            this.sink = sink;
            this.cancellation = cancellation;
        }

        TurnOutcome run() {
            AgentLimits limits = settings.limits();
            while (true) {
                if (cancellation.isCancelled()) {
                    return end(TurnOutcome.Kind.CANCELLED, "", "cancelled");
                }
                if (steps == limits.maxSteps()) {
                    return end(TurnOutcome.Kind.LIMIT, "", "stopped after " + steps + " steps without an answer"
                            + " (the step limit; raise it with --max-steps)");
                }
                if (elapsedMillis() >= limits.wallClock().toMillis()) {
                    return end(TurnOutcome.Kind.LIMIT, "", "stopped after " + elapsedMillis()
                            + " ms without an answer (the time limit)");
                }
                int tokensLeft = limits.maxCompletionTokens() - completionTokens;
                if (tokensLeft <= 0) {
                    return end(TurnOutcome.Kind.LIMIT, "", "stopped after " + completionTokens
                            + " generated tokens without an answer (the token limit)");
                }
                steps++;
                Completion completion = generate(tokensLeft);
                if (completion.finish() == Completion.FinishReason.CANCELLED) {
                    return end(TurnOutcome.Kind.CANCELLED, "", "cancelled");
                }
                if (!completion.hasToolCalls() && completion.failedCalls().isEmpty()) {
                    conversation.append(ChatMessage.assistant(completion.text()));
                    sink.emit(new AgentEvent.Answer(completion.text()));
                    return end(TurnOutcome.Kind.ANSWER, completion.text(), "");
                }
                runCalls(completion);
            }
        }

        private Completion generate(int tokensLeft) {
            GenerationSettings generation = settings.generation();
            generation = generation.withMaxTokens(Math.min(generation.maxTokens(), tokensLeft));
            CompletionRequest request = new CompletionRequest(conversation.messages(), declarations, toolChoice(),
                    generation, conversation.id(), cancellation);
            Completion completion = backend.complete(request, new CompletionListener() {
                @Override
                public void text(String delta) {
                    sink.emit(new AgentEvent.Token(delta));
                }
            });
            promptTokens += completion.usage().promptTokens();
            completionTokens += completion.usage().completionTokens();
            generationNanos += completion.usage().generationNanos();
            promptNanos += completion.usage().promptNanos();
            return completion;
        }

        /**
         * After the model has repeated a call it was told not to repeat, or failed to write a valid call
         * twice, it gets no tools for the next step: it must answer with what it has.
         */
        private ToolChoice toolChoice() {
            return guard.repeats() >= 2 || invalidCalls >= 2 ? ToolChoice.none() : ToolChoice.auto();
        }

        private void runCalls(Completion completion) {
            List<dev.gannet.prompts.template.ToolCall> asked = new ArrayList<>();
            for (ToolCall call : completion.toolCalls()) {
                asked.add(new dev.gannet.prompts.template.ToolCall(call.id(), call.name(),
                        ToolDeclarations.argumentsAsMap(call.arguments())));
            }
            if (!asked.isEmpty()) {
                conversation.append(ChatMessage.assistant(completion.text(), asked));
            } else {
                conversation.append(ChatMessage.assistant(completion.rawText()));
            }
            for (ToolCall call : completion.toolCalls()) {
                runCall(call);
            }
            for (ToolCallError error : completion.failedCalls()) {
                invalidCalls++;
                String id = "invalid_" + steps + "_" + invalidCalls;
                String name = error.toolName().orElse("");
                sink.emit(new AgentEvent.ToolCallStarted(id, name, AgentEvent.JSON.createObjectNode()));
                String message = "Your tool call could not be used: " + error.message()
                        + ". Write one valid call, or answer directly.";
                sink.emit(new AgentEvent.ToolResultReady(id, false, message, false, 0));
                conversation.recordToolRun(new ToolRun(id, name, "{}", false, message, false, 0));
                // The call never became a call, so there is no call id to answer; the correction is the user's turn.
                conversation.append(ChatMessage.user(message));
            }
        }

        private void runCall(ToolCall call) {
            sink.emit(new AgentEvent.ToolCallStarted(call.id(), call.name(), call.arguments()));
            Optional<String> refusal = guard.check(call.name(), call.arguments(), steps)
                    .or(() -> declaration(call.name()).flatMap(d -> RequiredArguments.check(d, call.arguments())));
            String output;
            boolean ok;
            boolean truncated;
            long ms;
            if (refusal.isPresent()) {
                output = refusal.get();
                ok = false;
                truncated = false;
                ms = 0;
            } else {
                long toolStart = System.nanoTime();
                ToolResult result = tools.execute(call.name(), call.arguments(), settings.tools());
                toolNanos += System.nanoTime() - toolStart;
                output = result.text();
                ok = result.ok();
                truncated = result.truncated();
                ms = result.duration().toMillis();
            }
            sink.emit(new AgentEvent.ToolResultReady(call.id(), ok, output, truncated, ms));
            conversation.recordToolRun(new ToolRun(call.id(), call.name(), call.arguments().toString(), ok, output,
                    truncated, ms));
            conversation.append(ChatMessage.tool(call.id(), output).withName(call.name()));
        }

        private Optional<ToolDeclaration> declaration(String name) {
            return declarations.stream().filter(d -> d.name().equals(name)).findFirst();
        }

        TurnOutcome end(TurnOutcome.Kind kind, String answer, String detail) {
            return new TurnOutcome(kind, answer, detail, steps, promptTokens, completionTokens, elapsedMillis());
        }

        private long elapsedMillis() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }
    }
}
