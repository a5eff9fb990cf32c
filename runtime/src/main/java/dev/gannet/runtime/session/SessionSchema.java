package dev.gannet.runtime.session;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the session database and the steps that bring an older file up to date. The file's
 * schema version is SQLite's {@code PRAGMA user_version}; its {@code application_id} marks it as
 * Gannet's, so that another program's database is refused rather than written into.
 */
final class SessionSchema {
    /** "GNNT": tells Gannet's databases from any other SQLite file. */
    static final int APPLICATION_ID = 0x474E4E54;

    /** Step i takes a database from version i to version i + 1; the current version is the number of steps. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("""
                    CREATE TABLE sessions (
                        id        TEXT PRIMARY KEY,
                        model     TEXT NOT NULL,
                        workspace TEXT NOT NULL,
                        mode      TEXT NOT NULL,
                        title     TEXT NOT NULL,
                        created   INTEGER NOT NULL, -- epoch milliseconds
                        updated   INTEGER NOT NULL, -- epoch milliseconds of the last write
                        activity  INTEGER NOT NULL  -- store-wide write counter: orders lists even within a millisecond
                    )""",
                    "CREATE INDEX sessions_by_activity ON sessions(activity)",
                    """
                    CREATE TABLE messages (
                        session_id   TEXT NOT NULL REFERENCES sessions(id),
                        seq          INTEGER NOT NULL, -- 0, 1, 2, … in conversation order
                        role         TEXT NOT NULL,
                        content      TEXT,             -- null when the message has none (a pure tool call)
                        tool_calls   TEXT,             -- JSON array, null when there are none
                        tool_call_id TEXT,
                        name         TEXT,
                        created      INTEGER NOT NULL,
                        PRIMARY KEY (session_id, seq)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE tool_runs (
                        session_id TEXT NOT NULL REFERENCES sessions(id),
                        seq        INTEGER NOT NULL,
                        call_id    TEXT,
                        name       TEXT NOT NULL,
                        arguments  TEXT NOT NULL,   -- JSON text as the model wrote it
                        ok         INTEGER NOT NULL,
                        output     TEXT NOT NULL,
                        truncated  INTEGER NOT NULL,
                        ms         INTEGER NOT NULL,
                        created    INTEGER NOT NULL,
                        PRIMARY KEY (session_id, seq)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE turns (
                        session_id        TEXT NOT NULL REFERENCES sessions(id),
                        seq               INTEGER NOT NULL,
                        steps             INTEGER NOT NULL,
                        prompt_tokens     INTEGER NOT NULL,
                        completion_tokens INTEGER NOT NULL,
                        ms                INTEGER NOT NULL,
                        outcome           TEXT NOT NULL,
                        model             TEXT NOT NULL,
                        created           INTEGER NOT NULL,
                        PRIMARY KEY (session_id, seq)
                    ) WITHOUT ROWID"""));

    static final int CURRENT_VERSION = MIGRATIONS.size();

    private SessionSchema() {
    }

    /** Checks the file is ours (or empty) and applies the missing migration steps, each in its own transaction. */
    static void migrate(Connection connection, Path file) throws SQLException {
        int applicationId = intPragma(connection, "application_id");
        int version = intPragma(connection, "user_version");
        if (applicationId != APPLICATION_ID && (applicationId != 0 || version != 0 || hasTables(connection))) {
            throw new SessionStoreException(file + " is an SQLite database, but not a Gannet session store");
        }
        if (version > CURRENT_VERSION) {
            throw new SessionStoreException(file + " has session schema version " + version
                    + ", newer than this Gannet knows (" + CURRENT_VERSION + "); upgrade Gannet to open it");
        }
        for (int step = version; step < CURRENT_VERSION; step++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(step)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                statement.execute("PRAGMA user_version = " + (step + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static int intPragma(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return result.next() && result.getInt(1) > 0;
        }
    }
}
