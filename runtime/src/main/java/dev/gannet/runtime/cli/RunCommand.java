package dev.gannet.runtime.cli;

import dev.gannet.runtime.agent.AgentEventSink;
import dev.gannet.runtime.agent.AgentLimits;
import dev.gannet.runtime.agent.AgentLoop;
import dev.gannet.runtime.agent.AgentSettings;
import dev.gannet.runtime.agent.Conversation;
import dev.gannet.runtime.agent.TurnOutcome;
import dev.gannet.runtime.backend.Cancellation;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.config.GannetConfig;
import dev.gannet.runtime.session.NewSession;
import dev.gannet.runtime.session.SessionStore;
import dev.gannet.runtime.session.StoredSession;
import dev.gannet.tools.ToolRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gannet run "task"}: the agent, headless. For people, the answer streams to stdout and the
 * tool calls to stderr; with {@code --json}, every event of the WebSocket protocol is a line on stdout.
 * Exit 0 on an answer, 1 on an error, 3 when a limit stopped the turn, 130 when interrupted.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the agent on one task in a workspace and print its answer.")
final class RunCommand implements Callable<Integer> {
    static final int EXIT_LIMIT = 3;
    static final int EXIT_INTERRUPTED = 130;

    @Mixin
    AgentOptions agent;

    @Option(names = "--json", description = "one JSON event per line on stdout (the WebSocket protocol's events)")
    boolean json;

    @Option(names = "--resume", paramLabel = "ID", description = "continue a stored session (see `gannet sessions`)")
    String resume;

    @Parameters(arity = "1", paramLabel = "TASK", description = "what to do, in words")
    String task;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (task.isBlank()) {
            throw new IllegalArgumentException("the task is empty");
        }
        GannetConfig settings = agent.settings();
        try (SessionStore store = agent.openStore(settings);
             ModelBackend backend = agent.openBackend(settings, err)) {
            AgentLoop loop = new AgentLoop(backend, ToolRegistry.builtins(), agent.agentSettings(settings));
            Conversation conversation = conversation(store, loop, settings);
            AgentEventSink sink = json ? new JsonLinesEvents(out) : new TerminalEvents(out, err);
            Cancellation cancellation = new Cancellation();
            Thread onInterrupt = new Thread(cancellation::cancel, "gannet-run-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            TurnOutcome outcome;
            try {
                outcome = loop.run(conversation, task, sink, cancellation);
            } finally {
                removeHook(onInterrupt);
            }
            return switch (outcome.kind()) {
                case ANSWER -> 0;
                case ERROR -> 1;
                case LIMIT -> EXIT_LIMIT;
                case CANCELLED -> EXIT_INTERRUPTED;
            };
        }
    }

    private Conversation conversation(SessionStore store, AgentLoop loop, GannetConfig settings) {
        if (resume != null) {
            StoredSession stored = store.load(resume).orElseThrow(() -> new IllegalArgumentException(
                    "no session " + resume + " (see `gannet sessions`)"));
            return Conversation.resume(stored, store);
        }
        String id = store.create(new NewSession(loop.modelId(), agent.workspace().toString(),
                settings.mode().wireName(), Titles.of(task))).id();
        return Conversation.start(id, loop.systemPrompt(), store);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook has run or is running, which is what we want.
        }
    }
}
