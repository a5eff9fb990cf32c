package dev.gannet.runtime.cli;

import dev.gannet.runtime.config.GannetConfig;
import dev.gannet.runtime.session.SessionSummary;
import dev.gannet.runtime.session.SqliteSessionStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gannet sessions}: the stored sessions, most recently active first; {@code show ID} prints one. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List stored sessions, most recently active first.",
        subcommands = ShowSessionCommand.class)
final class SessionsCommand implements Callable<Integer> {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "most sessions to list (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
        }
        GannetConfig config = configOptions.load();
        List<SessionSummary> sessions;
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(config.dataDir())) {
            sessions = store.list(limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(SessionJson.summaries(sessions));
        } else if (sessions.isEmpty()) {
            out.println("no sessions in " + config.dataDir());
        } else {
            out.print(SessionText.table(sessions));
        }
        out.flush();
        return 0;
    }
}
