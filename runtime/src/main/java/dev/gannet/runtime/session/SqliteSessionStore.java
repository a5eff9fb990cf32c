package dev.gannet.runtime.session;

import dev.gannet.prompts.template.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sessions in one SQLite file, {@code <data dir>/sessions.db}. Every write is its own transaction,
 * committed before the method returns, in WAL mode: a step once recorded survives the process being
 * killed. One connection serves every thread, one at a time (a lock): the writes are a few per agent
 * step, far too few to need a pool, and SQLite serialises writers anyway.
 */
public final class SqliteSessionStore implements SessionStore {
    /** The database's name inside the data directory. */
    public static final String FILE_NAME = "sessions.db";

    private static final String SUMMARY_COLUMNS = """
            s.id, s.model, s.workspace, s.mode, s.title, s.created, s.updated,
            (SELECT count(*) FROM messages m WHERE m.session_id = s.id),
            (SELECT count(*) FROM turns t WHERE t.session_id = s.id)""";

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final SessionIds ids = new SessionIds();
    private boolean closed;

    private SqliteSessionStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating them if need be) the data directory and its {@value #FILE_NAME}. */
    public static SqliteSessionStore inDataDir(Path dataDir) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new SessionStoreException("the data directory " + dataDir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new SessionStoreException("cannot create the data directory " + dataDir + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isWritable(dataDir)) {
            throw new SessionStoreException("the data directory " + dataDir + " is not writable");
        }
        return open(dataDir.resolve(FILE_NAME));
    }

    /** Opens the database file, creating it if it does not exist and bringing its schema up to date. */
    public static SqliteSessionStore open(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new SessionStoreException(absolute + " is a directory, not a session database");
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            try (Statement statement = connection.createStatement()) {
                // Another process (the server while the CLI lists sessions) may hold the write lock briefly.
                statement.execute("PRAGMA busy_timeout = 5000");
                statement.execute("PRAGMA journal_mode = WAL");
                // In WAL mode NORMAL loses nothing to a killed process, only (at worst) the last commits
                // to a power cut, and spares an fsync per step.
                statement.execute("PRAGMA synchronous = NORMAL");
                statement.execute("PRAGMA foreign_keys = ON");
            }
            SessionSchema.migrate(connection, absolute);
            return new SqliteSessionStore(absolute, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqliteErrors.describe(absolute, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public SessionSummary create(NewSession session) {
        Objects.requireNonNull(session, "session");
        return inTransaction(() -> {
            long now = System.currentTimeMillis();
            String id = unusedId();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sessions (id, model, workspace, mode, title, created, updated, activity)
                    VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(activity), 0) + 1 FROM sessions))""")) {
                insert.setString(1, id);
                insert.setString(2, Objects.requireNonNull(session.model(), "model"));
                insert.setString(3, Objects.requireNonNull(session.workspace(), "workspace"));
                insert.setString(4, Objects.requireNonNull(session.mode(), "mode"));
                insert.setString(5, session.title() == null ? "" : session.title());
                insert.setLong(6, now);
                insert.setLong(7, now);
                insert.executeUpdate();
            }
            Instant at = Instant.ofEpochMilli(now);
            return new SessionSummary(id, session.model(), session.workspace(), session.mode(),
                    session.title() == null ? "" : session.title(), at, at, 0, 0);
        });
    }

    @Override
    public void appendMessage(String sessionId, ChatMessage message) {
        Objects.requireNonNull(message, "message");
        String toolCalls = ToolCallsJson.write(message.toolCalls());
        inTransaction(() -> {
            long now = touch(sessionId);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO messages (session_id, seq, role, content, tool_calls, tool_call_id, name, created)
                    VALUES (?1, (SELECT coalesce(max(seq), -1) + 1 FROM messages WHERE session_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)""")) {
                insert.setString(1, sessionId);
                insert.setString(2, message.role());
                insert.setString(3, message.content());
                insert.setString(4, toolCalls);
                insert.setString(5, message.toolCallId());
                insert.setString(6, message.name());
                insert.setLong(7, now);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordToolRun(String sessionId, ToolRun run) {
        Objects.requireNonNull(run, "run");
        inTransaction(() -> {
            long now = touch(sessionId);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO tool_runs (session_id, seq, call_id, name, arguments, ok, output, truncated, ms, created)
                    VALUES (?1, (SELECT coalesce(max(seq), -1) + 1 FROM tool_runs WHERE session_id = ?1),
                            ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")) {
                insert.setString(1, sessionId);
                insert.setString(2, run.callId());
                insert.setString(3, Objects.requireNonNull(run.name(), "name"));
                insert.setString(4, run.arguments() == null ? "{}" : run.arguments());
                insert.setBoolean(5, run.ok());
                insert.setString(6, run.output() == null ? "" : run.output());
                insert.setBoolean(7, run.truncated());
                insert.setLong(8, run.ms());
                insert.setLong(9, now);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordTurn(String sessionId, TurnRecord turn) {
        Objects.requireNonNull(turn, "turn");
        inTransaction(() -> {
            long now = touch(sessionId);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO turns (session_id, seq, steps, prompt_tokens, completion_tokens, ms, outcome, model, created)
                    VALUES (?1, (SELECT coalesce(max(seq), -1) + 1 FROM turns WHERE session_id = ?1),
                            ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")) {
                insert.setString(1, sessionId);
                insert.setInt(2, turn.steps());
                insert.setInt(3, turn.promptTokens());
                insert.setInt(4, turn.completionTokens());
                insert.setLong(5, turn.ms());
                insert.setString(6, Objects.requireNonNull(turn.outcome(), "outcome"));
                insert.setString(7, Objects.requireNonNull(turn.model(), "model"));
                insert.setLong(8, now);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<SessionSummary> list(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the session list limit must be at least 1, was " + limit);
        }
        return inTransaction(() -> {
            List<SessionSummary> sessions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + SUMMARY_COLUMNS + " FROM sessions s ORDER BY s.activity DESC LIMIT ?")) {
                query.setInt(1, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(summary(rows));
                    }
                }
            }
            return sessions;
        });
    }

    @Override
    public Optional<StoredSession> load(String sessionId) {
        // One read transaction: a writer in another process cannot slip a step in between the queries.
        return inTransaction(() -> {
            SessionSummary summary;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + SUMMARY_COLUMNS + " FROM sessions s WHERE s.id = ?")) {
                query.setString(1, sessionId);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    summary = summary(rows);
                }
            }
            return Optional.of(new StoredSession(summary, messages(sessionId), toolRuns(sessionId), turns(sessionId)));
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw SqliteErrors.describe(file, e);
        } finally {
            lock.unlock();
        }
    }

    private List<ChatMessage> messages(String sessionId) throws SQLException {
        List<ChatMessage> messages = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT role, content, tool_calls, tool_call_id, name FROM messages
                WHERE session_id = ? ORDER BY seq""")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages.add(new ChatMessage(rows.getString(1), rows.getString(2),
                            ToolCallsJson.read(rows.getString(3)), rows.getString(4), rows.getString(5)));
                }
            }
        }
        return messages;
    }

    private List<ToolRun> toolRuns(String sessionId) throws SQLException {
        List<ToolRun> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT call_id, name, arguments, ok, output, truncated, ms FROM tool_runs
                WHERE session_id = ? ORDER BY seq""")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(new ToolRun(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4),
                            rows.getString(5), rows.getBoolean(6), rows.getLong(7)));
                }
            }
        }
        return runs;
    }

    private List<TurnRecord> turns(String sessionId) throws SQLException {
        List<TurnRecord> turns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT steps, prompt_tokens, completion_tokens, ms, outcome, model FROM turns
                WHERE session_id = ? ORDER BY seq""")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    turns.add(new TurnRecord(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getLong(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
        }
        return turns;
    }

    private static SessionSummary summary(ResultSet row) throws SQLException {
        return new SessionSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), Instant.ofEpochMilli(row.getLong(6)), Instant.ofEpochMilli(row.getLong(7)),
                row.getInt(8), row.getInt(9));
    }

    /** Marks the session active now; refuses an id that names no session. Returns the time written. */
    private long touch(String sessionId) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE sessions SET updated = max(updated, ?),
                                    activity = (SELECT max(activity) + 1 FROM sessions)
                WHERE id = ?""")) {
            update.setLong(1, now);
            update.setString(2, sessionId);
            if (update.executeUpdate() == 0) {
                throw new IllegalArgumentException("no session has the id '" + sessionId + "'");
            }
        }
        return now;
    }

    private String unusedId() throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM sessions WHERE id = ?")) {
            while (true) {
                String id = ids.next();
                exists.setString(1, id);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        return id;
                    }
                }
            }
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs work as one transaction on the shared connection, committed (or rolled back) before returning. */
    private <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the session store " + file + " is closed");
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqliteErrors.describe(file, e);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting; a failed rollback ends the transaction anyway.
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing to open; the open failure is what the user needs to see.
            }
        }
    }
}
