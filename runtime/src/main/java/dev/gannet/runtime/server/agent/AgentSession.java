package dev.gannet.runtime.server.agent;

import dev.gannet.runtime.agent.AgentLoop;
import dev.gannet.runtime.agent.AgentSettings;
import dev.gannet.runtime.agent.Conversation;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.session.NewSession;
import dev.gannet.runtime.session.SessionStore;
import dev.gannet.runtime.session.StoredSession;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One connection's session: the loop configured for its workspace and mode, and its conversation.
 * Opening one touches the file system and the store, so it runs on a worker, never the event loop.
 */
record AgentSession(AgentLoop loop, Conversation conversation) {
    private static final int TITLE_LENGTH = 80;

    /** Starts a new session for {@code run}, or resumes the stored one it names. */
    static AgentSession open(ClientMessage.Run run, AgentSetup setup, ModelBackend backend) {
        if (run.model() != null && !run.model().equals(backend.id())) {
            throw new ProtocolError("the model '" + run.model() + "' is not loaded (this server runs '"
                    + backend.id() + "'); load it with POST /v1/models/load, or leave \"model\" out");
        }
        SessionStore store = setup.sessions();
        StoredSession stored = run.session() == null ? null : resumable(run.session(), store);
        Path workspace = workspace(run.workspace() != null ? run.workspace()
                : stored != null ? stored.summary().workspace() : null, setup);
        ToolMode mode = mode(run.mode() != null ? run.mode() : stored != null ? stored.summary().mode() : null,
                setup);
        ToolContext tools = new ToolContext(workspace, mode, setup.toolBase().sandbox(), setup.toolBase().limits(),
                setup.toolBase().environmentAllowList());
        AgentLoop loop = new AgentLoop(backend, setup.tools(), new AgentSettings(setup.limits(), setup.generation(),
                tools));
        if (stored != null) {
            return new AgentSession(loop, Conversation.resume(stored, store));
        }
        String id = store == null ? UUID.randomUUID().toString()
                : store.create(new NewSession(backend.id(), tools.workspaceRoot().toString(), mode.wireName(),
                        title(run.task()))).id();
        return new AgentSession(loop, Conversation.start(id, loop.systemPrompt(), store));
    }

    private static StoredSession resumable(String id, SessionStore store) {
        if (store == null) {
            throw new ProtocolError("this server does not store sessions, so session " + id + " cannot be resumed");
        }
        return store.load(id).orElseThrow(() -> new ProtocolError("no session with id " + id));
    }

    private static Path workspace(String requested, AgentSetup setup) {
        if (requested == null) {
            return setup.toolBase().workspaceRoot();
        }
        Path path = Path.of(requested);
        if (!path.isAbsolute() || !Files.isDirectory(path)) {
            throw new ProtocolError("the workspace must be an existing directory given as an absolute path: "
                    + requested);
        }
        return path;
    }

    private static ToolMode mode(String requested, AgentSetup setup) {
        if (requested == null) {
            return setup.toolBase().mode();
        }
        try {
            return ToolMode.fromWireName(requested);
        } catch (IllegalArgumentException e) {
            throw new ProtocolError(e.getMessage());
        }
    }

    private static String title(String task) {
        String line = task.strip().lines().findFirst().orElse("");
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
