package dev.gannet.runtime.server.agent;

import dev.gannet.runtime.agent.AgentEvent;
import dev.gannet.runtime.agent.AgentEventSink;
import dev.gannet.runtime.agent.TurnOutcome;
import dev.gannet.runtime.backend.Cancellation;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.server.ServerMetrics;
import io.vertx.core.Context;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ServerWebSocket;

/**
 * One client on {@code /v1/agent}: reads its messages, runs its turns on the agent workers and sends
 * their events back. Its state is only touched on the connection's event loop; a turn's events are
 * handed over to it in order. At most one turn runs at a time; closing the socket cancels it.
 */
final class AgentConnection {
    private static final System.Logger LOG = System.getLogger(AgentConnection.class.getName());

    private final ServerWebSocket socket;
    private final Context context;
    private final AgentSetup setup;
    private final ModelBackend backend;
    private final ServerMetrics metrics;
    private final WorkerExecutor workers;
    private AgentSession session;
    private Cancellation running;
    private boolean closed;

    AgentConnection(ServerWebSocket socket, Context context, AgentSetup setup, ModelBackend backend,
                    ServerMetrics metrics, WorkerExecutor workers) {
        this.socket = socket;
        this.context = context;
        this.setup = setup;
        this.backend = backend;
        this.metrics = metrics;
        this.workers = workers;
    }

    void start() {
        socket.textMessageHandler(this::received);
        socket.binaryMessageHandler(bytes -> sendError("binary frames are not part of the protocol: send JSON text"));
        socket.exceptionHandler(failure -> LOG.log(System.Logger.Level.DEBUG, "agent socket failed", failure));
        socket.closeHandler(v -> {
            closed = true;
            if (running != null) {
                running.cancel();
            }
        });
    }

    private void received(String frame) {
        ClientMessage message;
        try {
            message = ClientMessageParser.parse(frame);
        } catch (ProtocolError e) {
            sendError(e.getMessage());
            return;
        }
        switch (message) {
            case ClientMessage.Run run -> {
                if (refusedWhileRunning()) {
                    return;
                }
                turn(run.task(), run);
            }
            case ClientMessage.Message follow -> {
                if (refusedWhileRunning()) {
                    return;
                }
                if (session == null) {
                    sendError("no session yet: start one with {\"type\":\"run\",\"task\":…}");
                    return;
                }
                turn(follow.text(), null);
            }
            case ClientMessage.Cancel cancel -> {
                // A cancel that crosses the turn's done on the wire is not an error: nothing is left to stop.
                if (running != null) {
                    running.cancel();
                }
            }
        }
    }

    private boolean refusedWhileRunning() {
        if (running != null) {
            sendError("a turn is already running: wait for its done event, or send {\"type\":\"cancel\"}");
            return true;
        }
        return false;
    }

    /** Runs one turn; {@code run} is non-null when it opens a new session first. */
    private void turn(String text, ClientMessage.Run run) {
        Cancellation cancellation = new Cancellation();
        running = cancellation;
        AgentEventSink sink = new ToolOutcomeCounter(this::send, metrics, cancellation);
        AgentSession current = session;
        workers.executeBlocking(() -> {
            AgentSession target = run != null ? AgentSession.open(run, setup, backend) : current;
            TurnOutcome outcome = target.loop().run(target.conversation(), text, sink, cancellation);
            return new Finished(target, outcome);
        }, false).onComplete(finished -> {
            running = null;
            session = finished.session();
            metrics.agentRunEnded(finished.outcome().kind().wireName());
        }, failure -> {
            running = null;
            metrics.agentRunEnded("error");
            // A session that could not be opened: one error and a done, as every turn ends with done.
            sendError(failure instanceof ProtocolError ? failure.getMessage() : describe(failure));
            write(new AgentEvent.Done(0, 0, 0, 0, 0, 0, 0));
        });
    }

    private record Finished(AgentSession session, TurnOutcome outcome) {
    }

    private static String describe(Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "an agent turn failed", failure);
        String message = failure.getMessage();
        return message == null ? "internal error" : "the session could not be started: " + message;
    }

    /** Called on the turn's thread: hands the event to the event loop. */
    private void send(AgentEvent event) {
        context.runOnContext(v -> write(event));
    }

    private void sendError(String message) {
        write(new AgentEvent.Error(message));
    }

    private void write(AgentEvent event) {
        if (!closed) {
            socket.writeTextMessage(event.toJson().toString());
        }
    }
}
