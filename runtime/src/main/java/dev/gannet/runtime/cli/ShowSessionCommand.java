package dev.gannet.runtime.cli;

import dev.gannet.runtime.config.GannetConfig;
import dev.gannet.runtime.session.SqliteSessionStore;
import dev.gannet.runtime.session.StoredSession;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gannet sessions show ID}: one session's conversation, tool runs and totals. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a session: the conversation, its tool calls and results, and its totals.")
final class ShowSessionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "the session's id, as `gannet sessions` lists it")
    String id;

    @Option(names = "--json", description = "print one JSON object (messages in the OpenAI chat format) instead of text")
    boolean json;

    @Mixin
    ConfigOptions configOptions;

    @ParentCommand
    SessionsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GannetConfig config = parent.configOptions.overriddenBy(configOptions).load();
        StoredSession session;
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(config.dataDir())) {
            session = store.load(id).orElseThrow(() -> new IllegalArgumentException(
                    "no session has the id '" + id + "' in " + store.file() + " (`gannet sessions` lists them)"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? SessionJson.session(session) + "\n" : SessionText.conversation(session));
        out.flush();
        return 0;
    }
}
