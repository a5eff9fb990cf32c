package dev.gannet.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.runtime.cli.CliContractTest.Result;
import dev.gannet.runtime.session.NewSession;
import dev.gannet.runtime.session.SqliteSessionStore;
import dev.gannet.runtime.session.ToolRun;
import dev.gannet.runtime.session.TurnRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gannet sessions} and {@code gannet sessions show}, run in-process against a store in a temp directory. */
class SessionsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private String older;
    private String newer;

    @BeforeEach
    void storeTwoSessions() {
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(data)) {
            older = store.create(new NewSession("smollm2", "/work/project", "read-only", "Where is main?")).id();
            store.appendMessage(older, ChatMessage.system("You are Gannet.\n".repeat(30)));
            store.appendMessage(older, ChatMessage.user("Where is main?"));
            store.appendMessage(older, ChatMessage.assistant(null,
                    List.of(new ToolCall("call_0", "grep", Map.of("pattern", "void main")))));
            store.recordToolRun(older, new ToolRun("call_0", "grep", "{\"pattern\":\"void main\"}", true,
                    "src/Main.java:3: public static void main", false, 17));
            store.appendMessage(older, ChatMessage.tool("call_0", "src/Main.java:3: public static void main"));
            store.appendMessage(older, ChatMessage.assistant("It is in src/Main.java, line 3. ✓"));
            store.recordTurn(older, new TurnRecord(2, 900, 40, 2500, "answer", "smollm2"));
            newer = store.create(new NewSession("qwen", "/work/other", "workspace-write", "Fix the build")).id();
        }
    }

    private Result run(String... args) {
        return CliContractTest.run("", args);
    }

    @Test
    void listShowsATableMostRecentFirst() {
        Result r = run("sessions", "--data-dir", data.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).matches("ID\\s+UPDATED\\s+MODEL\\s+TURNS\\s+TITLE"), lines.get(0));
        assertTrue(lines.get(1).startsWith(newer) && lines.get(1).contains("qwen") && lines.get(1).endsWith("0  Fix the build"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith(older) && lines.get(2).endsWith("1  Where is main?"), lines.get(2));

        Result limited = run("sessions", "--limit", "1", "--data-dir", data.toString());
        assertEquals(2, limited.out().lines().count(), limited.out());
    }

    @Test
    void listAsJson() throws Exception {
        Result r = run("sessions", "--json", "--data-dir", data.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode sessions = JSON.readTree(r.out());
        assertEquals(2, sessions.size());
        assertEquals(newer, sessions.get(0).get("id").asText());
        JsonNode first = sessions.get(1);
        assertEquals(older, first.get("id").asText());
        assertEquals("smollm2", first.get("model").asText());
        assertEquals(1, first.get("turns").asInt());
        assertEquals(5, first.get("messages").asInt());
        assertTrue(first.get("updated").asText().endsWith("Z"), first.toString());
    }

    @Test
    void anEmptyStoreSaysSo() {
        Path empty = data.resolve("empty");
        Result r = run("sessions", "--data-dir", empty.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("no sessions in " + empty.toAbsolutePath() + "\n", r.out());
    }

    @Test
    void showPrintsTheConversationReadably() {
        Result r = run("sessions", "show", older, "--data-dir", data.toString());
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("session   " + older + "\n"), out);
        assertTrue(out.contains("model     smollm2   mode read-only\n"), out);
        assertTrue(out.contains("── user\n   Where is main?\n"), out);
        assertTrue(out.contains("── assistant\n   → grep {\"pattern\":\"void main\"}   [call_0]\n"), out);
        assertTrue(out.contains("── tool grep [call_0] ok, 17 ms\n   src/Main.java:3: public static void main\n"), out);
        assertTrue(out.contains("── assistant\n   It is in src/Main.java, line 3. ✓\n"), out);
        assertTrue(out.contains("   … 10 more lines (--json shows everything)\n"), "long system prompt cut: " + out);
        assertTrue(out.endsWith("totals: 1 turn, 2 steps, 900 prompt + 40 completion tokens, 2.5 s; 1 tool run\n"), out);
        // Options before the subcommand work as well as after it.
        assertEquals(out, run("sessions", "--data-dir", data.toString(), "show", older).out());
    }

    @Test
    void showAsJsonGivesOpenAiMessagesAndTotals() throws Exception {
        Result r = run("sessions", "show", older, "--json", "--data-dir", data.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode session = JSON.readTree(r.out());
        assertEquals(older, session.get("session").get("id").asText());
        JsonNode messages = session.get("messages");
        assertEquals(5, messages.size());
        JsonNode call = messages.get(2).get("tool_calls").get(0);
        assertEquals("grep", call.get("function").get("name").asText());
        assertEquals("{\"pattern\":\"void main\"}", call.get("function").get("arguments").asText());
        assertTrue(messages.get(2).get("content").isNull());
        assertEquals("call_0", messages.get(3).get("tool_call_id").asText());
        assertEquals(17, session.get("tool_runs").get(0).get("ms").asInt());
        assertEquals("answer", session.get("turns").get(0).get("outcome").asText());
        assertEquals(940, session.get("totals").get("prompt_tokens").asInt() + session.get("totals").get("completion_tokens").asInt());
    }

    @Test
    void userMistakesAreOneLineAndExitOne() throws Exception {
        Path notADatabase = data.resolve("broken");
        Files.createDirectories(notADatabase);
        Files.writeString(notADatabase.resolve("sessions.db"), "not a database at all".repeat(100));
        Path badConfig = data.resolve("bad.json");
        Files.writeString(badConfig, "{\"prot\": 1}");
        for (String[] args : new String[][] {
                {"sessions", "show", "nosuchid00", "--data-dir", data.toString()},
                {"sessions", "--data-dir", notADatabase.toString()},
                {"sessions", "--data-dir", data.toString(), "--set", "max_steps=lots"},
                {"sessions", "--data-dir", data.toString(), "--config", badConfig.toString()},
                {"sessions", "--data-dir", data.toString(), "--limit", "0"}}) {
            Result r = run(args);
            assertEquals(1, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("gannet: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(run("sessions", "show", "nosuchid00", "--data-dir", data.toString()).err()
                .startsWith("gannet: no session has the id 'nosuchid00' in "));
        assertTrue(run("sessions", "--data-dir", notADatabase.toString()).err().contains("is not an SQLite database"));
    }
}
