package dev.gannet.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionStoreTest {
    @TempDir
    Path temp;

    private static NewSession newSession(String title) {
        return new NewSession("smollm2", "/home/me/project", "read-only", title);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        // Arguments as the prompts module reads them from a request: Jackson's plain Java values.
        return new ObjectMapper().readValue(text, Map.class);
    }

    @Test
    void everyFieldOfEveryRecordRoundTrips() throws Exception {
        String longOutput = "line of grep output ✓\n".repeat(20_000);
        List<ChatMessage> conversation = List.of(
                ChatMessage.system("You are Gannet."),
                ChatMessage.user("Where is main? Ünïcødé, 日本語, emoji 🐦, quotes \" ' and a NUL-free\ttab"),
                ChatMessage.assistant(null, List.of(
                        new ToolCall("call_0", "grep", json("{\"pattern\":\"main\",\"max\":20,\"big\":12345678901,"
                                + "\"ratio\":0.5,\"flags\":[\"-n\",true,null],\"nested\":{\"z\":1,\"a\":2}}")),
                        new ToolCall(null, "list_files", Map.of()))),
                ChatMessage.tool("call_0", longOutput).withName("grep"),
                new ChatMessage("tool", "", List.of(), null, "list_files"),
                ChatMessage.assistant("It is in src/Main.java."));
        ToolRun run = new ToolRun("call_0", "grep", "{\"pattern\":\"main\"}", true, longOutput, true, 42);
        ToolRun failed = new ToolRun(null, "list_files", "{}", false, "no such directory: x", false, 0);
        TurnRecord turn = new TurnRecord(3, 812, 64, 1234, "answer", "smollm2-q8");

        String id;
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp.resolve("data"))) {
            id = store.create(newSession("Where is main?")).id();
            conversation.forEach(message -> store.appendMessage(id, message));
            store.recordToolRun(id, run);
            store.recordToolRun(id, failed);
            store.recordTurn(id, turn);
        }
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp.resolve("data"))) {
            StoredSession loaded = store.load(id).orElseThrow();
            assertEquals(conversation, loaded.messages());
            assertEquals(List.of(run, failed), loaded.toolRuns());
            assertEquals(List.of(turn), loaded.turns());
            SessionSummary summary = loaded.summary();
            assertEquals(id, summary.id());
            assertEquals("smollm2", summary.model());
            assertEquals("/home/me/project", summary.workspace());
            assertEquals("read-only", summary.mode());
            assertEquals("Where is main?", summary.title());
            assertEquals(6, summary.messages());
            assertEquals(1, summary.turns());
            assertFalse(summary.updated().isBefore(summary.created()));
            // The arguments keep the model's key order, which templates print back.
            assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) loaded.messages().get(2).toolCalls().get(0)
                    .arguments().get("nested")).keySet()));
        }
        assertTrue(Files.exists(temp.resolve("data").resolve(SqliteSessionStore.FILE_NAME)));
    }

    @Test
    void messagesKeepTheirOrder() {
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp)) {
            String a = store.create(newSession("a")).id();
            String b = store.create(newSession("b")).id();
            for (int i = 0; i < 50; i++) {
                // Interleaved sessions must not disturb each other's order.
                store.appendMessage(a, ChatMessage.user("a" + i));
                store.appendMessage(b, ChatMessage.user("b" + i));
            }
            List<ChatMessage> messages = store.load(a).orElseThrow().messages();
            assertEquals(50, messages.size());
            for (int i = 0; i < 50; i++) {
                assertEquals("a" + i, messages.get(i).content());
            }
        }
    }

    @Test
    void listPutsTheMostRecentlyActiveFirst() {
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp)) {
            String first = store.create(newSession("first")).id();
            String second = store.create(newSession("second")).id();
            String third = store.create(newSession("third")).id();
            assertEquals(List.of(third, second, first), ids(store.list(10)));
            store.appendMessage(first, ChatMessage.user("back to the first"));
            assertEquals(List.of(first, third, second), ids(store.list(10)));
            store.recordTurn(second, new TurnRecord(1, 1, 1, 1, "answer", "m"));
            assertEquals(List.of(second, first, third), ids(store.list(10)));
            assertEquals(List.of(second, first), ids(store.list(2)));
            SessionSummary listed = store.list(1).getFirst();
            assertEquals(1, listed.turns());
            assertEquals(0, listed.messages());
        }
    }

    @Test
    void idsAreShortUniqueAndPlainLettersAndDigits() {
        Pattern urlSafe = Pattern.compile("[A-Za-z0-9]{" + SessionIds.LENGTH + "}");
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp)) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String id = store.create(newSession("s" + i)).id();
                assertTrue(urlSafe.matcher(id).matches(), id);
                assertTrue(seen.add(id), "duplicate id " + id);
            }
        }
    }

    @Test
    void twentyThreadsWritingAtOnceLoseNothing() throws Exception {
        int threads = 20;
        int perThread = 25;
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp)) {
            String shared = store.create(newSession("shared")).id();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<String>> own = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    own.add(pool.submit(() -> {
                        String mine = store.create(newSession("thread " + thread)).id();
                        for (int i = 0; i < perThread; i++) {
                            store.appendMessage(mine, ChatMessage.user(thread + ":" + i));
                            store.appendMessage(shared, ChatMessage.user(thread + ":" + i));
                            store.recordToolRun(mine, new ToolRun("call_" + i, "grep", "{}", true, "x", false, i));
                        }
                        store.list(5);
                        return mine;
                    }));
                }
                for (int t = 0; t < threads; t++) {
                    StoredSession session = store.load(own.get(t).get()).orElseThrow();
                    assertEquals(perThread, session.messages().size());
                    assertEquals(perThread, session.toolRuns().size());
                    for (int i = 0; i < perThread; i++) {
                        assertEquals(t + ":" + i, session.messages().get(i).content());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            List<ChatMessage> all = store.load(shared).orElseThrow().messages();
            assertEquals(threads * perThread, all.size());
            assertEquals(threads * perThread, all.stream().map(ChatMessage::content).distinct().count());
            assertEquals(threads + 1, store.list(100).size());
        }
    }

    @Test
    void anUnknownIdIsEmptyAndCannotBeWrittenTo() {
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp)) {
            assertTrue(store.load("nosuchid00").isEmpty());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.appendMessage("nosuchid00", ChatMessage.user("hi")));
            assertEquals("no session has the id 'nosuchid00'", e.getMessage());
            assertTrue(store.list(10).isEmpty());
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedInOneLine() throws Exception {
        Path file = temp.resolve(SqliteSessionStore.FILE_NAME);
        Files.writeString(file, "these are my notes, not a database\n".repeat(200));
        SessionStoreException e = assertThrows(SessionStoreException.class, () -> SqliteSessionStore.inDataDir(temp));
        assertEquals(file.toAbsolutePath() + " is not an SQLite database; move it aside or choose another data directory",
                e.getMessage());
    }

    @Test
    void aDamagedDatabaseIsReportedAsDamaged() throws Exception {
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp)) {
            String id = store.create(newSession("x")).id();
            for (int i = 0; i < 200; i++) {
                store.appendMessage(id, ChatMessage.user("message " + i + " ".repeat(200)));
            }
        }
        Path file = temp.resolve(SqliteSessionStore.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        // Keep the 100-byte header valid, so the file still looks like SQLite, and scribble over the pages.
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        SessionStoreException e = assertThrows(SessionStoreException.class, () -> {
            try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp)) {
                store.list(10);
            }
        });
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + " is "), e.getMessage());
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("not an SQLite database"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anotherProgramsDatabaseIsNotWrittenInto() throws Exception {
        Path file = temp.resolve("other.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
        }
        SessionStoreException e = assertThrows(SessionStoreException.class, () -> SqliteSessionStore.open(file));
        assertEquals(file.toAbsolutePath() + " is an SQLite database, but not a Gannet session store", e.getMessage());
    }

    @Test
    void aDataDirectoryThatCannotBeMadeIsReportedInOneLine() throws Exception {
        Path notADirectory = temp.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        SessionStoreException e = assertThrows(SessionStoreException.class,
                () -> SqliteSessionStore.inDataDir(notADirectory));
        assertEquals("the data directory " + notADirectory + " is a file, not a directory", e.getMessage());
        SessionStoreException nested = assertThrows(SessionStoreException.class,
                () -> SqliteSessionStore.inDataDir(notADirectory.resolve("sub")));
        assertTrue(nested.getMessage().startsWith("cannot create the data directory " + notADirectory.resolve("sub")),
                nested.getMessage());
    }

    @Test
    void theSchemaVersionIsRecordedAndANewerOneIsRefused() throws Exception {
        SqliteSessionStore.inDataDir(temp).close();
        Path file = temp.resolve(SqliteSessionStore.FILE_NAME);
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            try (var row = statement.executeQuery("PRAGMA user_version")) {
                assertEquals(SessionSchema.CURRENT_VERSION, row.getInt(1));
            }
            try (var row = statement.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", row.getString(1));
            }
            statement.execute("PRAGMA user_version = " + (SessionSchema.CURRENT_VERSION + 1));
        }
        SessionStoreException e = assertThrows(SessionStoreException.class, () -> SqliteSessionStore.inDataDir(temp));
        assertTrue(e.getMessage().contains("newer than this Gannet knows"), e.getMessage());
    }

    @Test
    void aClosedStoreSaysSo() {
        SqliteSessionStore store = SqliteSessionStore.inDataDir(temp);
        store.close();
        store.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.list(1));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    }

    private static List<String> ids(List<SessionSummary> sessions) {
        return sessions.stream().map(SessionSummary::id).toList();
    }
}
