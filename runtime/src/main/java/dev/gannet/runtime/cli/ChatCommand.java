package dev.gannet.runtime.cli;

import dev.gannet.runtime.agent.AgentLoop;
import dev.gannet.runtime.agent.Conversation;
import dev.gannet.runtime.backend.Cancellation;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.config.GannetConfig;
import dev.gannet.runtime.session.NewSession;
import dev.gannet.runtime.session.SessionStore;
import dev.gannet.runtime.session.StoredSession;
import dev.gannet.tools.ToolRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gannet chat}: the agent, interactively. Each line typed is a turn in one session (stored
 * like any other, so {@code gannet run --resume ID} can carry it on); {@code /new} starts a fresh
 * session, {@code /exit} or end of input (Ctrl-D) leaves.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Talk with the agent in a workspace, turn by turn (/new for a fresh session, /exit or Ctrl-D to leave).")
final class ChatCommand implements Callable<Integer> {
    @Mixin
    AgentOptions agent;

    @Option(names = "--resume", paramLabel = "ID", description = "continue a stored session")
    String resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GannetConfig settings = agent.settings();
        try (SessionStore store = agent.openStore(settings);
             ModelBackend backend = agent.openBackend(settings, err)) {
            AgentLoop loop = new AgentLoop(backend, ToolRegistry.builtins(), agent.agentSettings(settings));
            Conversation conversation = resume != null ? resumed(store) : fresh(store, loop, settings);
            err.println("gannet chat: " + loop.modelId() + " in " + agent.workspace() + " (session "
                    + conversation.id() + "; /new, /exit)");
            err.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            TerminalEvents events = new TerminalEvents(out, err);
            while (true) {
                err.print("> ");
                err.flush();
                String line = in.readLine();
                if (line == null || line.strip().equals("/exit")) {
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().equals("/new")) {
                    backend.forget(conversation.id());
                    conversation = fresh(store, loop, settings);
                    err.println("(new session " + conversation.id() + ")");
                    continue;
                }
                loop.run(conversation, line, events, new Cancellation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Conversation resumed(SessionStore store) {
        StoredSession stored = store.load(resume).orElseThrow(() -> new IllegalArgumentException(
                "no session " + resume + " (see `gannet sessions`)"));
        return Conversation.resume(stored, store);
    }

    private Conversation fresh(SessionStore store, AgentLoop loop, GannetConfig settings) {
        String id = store.create(new NewSession(loop.modelId(), agent.workspace().toString(),
                settings.mode().wireName(), "chat")).id();
        return Conversation.start(id, loop.systemPrompt(), store);
    }
}
