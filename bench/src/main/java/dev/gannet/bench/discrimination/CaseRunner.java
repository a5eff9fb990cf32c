package dev.gannet.bench.discrimination;

import dev.gannet.kernels.engine.SamplingParameters;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.runtime.agent.AgentLimits;
import dev.gannet.runtime.agent.AgentLoop;
import dev.gannet.runtime.agent.AgentSettings;
import dev.gannet.runtime.agent.Conversation;
import dev.gannet.runtime.agent.ToolDeclarations;
import dev.gannet.runtime.agent.TurnOutcome;
import dev.gannet.runtime.backend.BackendException;
import dev.gannet.runtime.backend.Cancellation;
import dev.gannet.runtime.backend.Completion;
import dev.gannet.runtime.backend.CompletionListener;
import dev.gannet.runtime.backend.CompletionRequest;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolMode;
import dev.gannet.tools.ToolRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one case on one backend and observes it: a single step (the first turn only) for cases
 * without a workspace, the whole agent loop inside the case's workspace otherwise. Either way the
 * decision is read from the model's first turn; latency and tokens cover everything the case ran.
 */
final class CaseRunner implements AutoCloseable {
    private final RunConfiguration configuration;
    private final SamplingParameters sampling;
    private final int maxTokens;
    private final int maxSteps;
    private final ToolRegistry tools = ToolRegistry.builtins();
    private final List<ToolDeclaration> builtinDeclarations =
            ToolDeclarations.fromOpenAi(tools.declarations(ToolMode.READ_ONLY));
    private final Workspaces workspaces = new Workspaces();

    CaseRunner(RunConfiguration configuration, SamplingParameters sampling, int maxTokens, int maxSteps) {
        this.configuration = configuration;
        this.sampling = sampling;
        this.maxTokens = maxTokens;
        this.maxSteps = maxSteps;
    }

    Observation run(BenchCase benchCase, ModelBackend backend) {
        RecordingBackend recording = new RecordingBackend(backend);
        long start = System.nanoTime();
        try {
            return benchCase.agentic() ? wholeLoop(benchCase, recording, start) : firstStep(benchCase, recording, start);
        } catch (BackendException e) {
            return Observation.error(benchCase.id(), e.getMessage(), millisSince(start));
        }
    }

    private GenerationSettings generation() {
        return new GenerationSettings(sampling, maxTokens, List.of(), configuration.constrained());
    }

    private Observation firstStep(BenchCase benchCase, RecordingBackend backend, long start) {
        List<ChatMessage> messages = new ArrayList<>();
        String system = configuration.systemPrompt(backend.toolUseSystemPrompt());
        if (system != null) {
            messages.add(ChatMessage.system(system));
        }
        messages.addAll(benchCase.messages());
        List<ToolDeclaration> offered = benchCase.builtinTools() ? builtinDeclarations : benchCase.tools();
        Completion completion = backend.complete(CompletionRequest.of(messages, offered, generation()),
                CompletionListener.IGNORE);
        return Classifier.observe(benchCase, FirstMove.of(completion), completion.text(), millisSince(start),
                ModelWork.of(List.of(completion)), 1);
    }

    private Observation wholeLoop(BenchCase benchCase, RecordingBackend backend, long start) {
        ToolContext context = ToolContext.readOnly(workspaces.resolve(benchCase.workspace()));
        AgentSettings settings = new AgentSettings(AgentLimits.DEFAULT.withMaxSteps(maxSteps), generation(), context);
        AgentLoop loop = new AgentLoop(backend, tools, settings);
        Conversation conversation = Conversation.start(benchCase.id(), configuration.systemPrompt(loop.systemPrompt()), null);
        List<ChatMessage> messages = benchCase.messages();
        messages.subList(0, messages.size() - 1).forEach(conversation::append);
        TurnOutcome outcome = loop.run(conversation, messages.getLast().content(), event -> { }, new Cancellation());
        List<Completion> turns = backend.completions();
        if (turns.isEmpty()) {
            return Observation.error(benchCase.id(), outcome.detail(), millisSince(start));
        }
        String answer = outcome.answered() ? outcome.answer() : outcome.kind().wireName() + ": " + outcome.detail();
        return Classifier.observe(benchCase, FirstMove.of(turns.getFirst()), answer, millisSince(start),
                ModelWork.of(turns), outcome.steps());
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    @Override
    public void close() {
        workspaces.close();
    }
}
