package dev.gannet.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.runtime.session.SqliteSessionStore;
import dev.gannet.runtime.session.StoredSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gannet run} end to end on the scripted model: output, exit codes, sessions, --resume. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    Path workspace;
    Path dataDir;

    @BeforeEach
    void setUp() throws IOException {
        workspace = Files.createDirectories(temp.resolve("ws"));
        dataDir = temp.resolve("data");
        Files.writeString(workspace.resolve("app.py"), "def main():\n    pass\n");
    }

    private Path script(String... completions) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String completion : completions) {
            lines.add(JSON.writeValueAsString(completion));
        }
        Path file = temp.resolve("script-" + System.nanoTime() + ".jsonl");
        Files.write(file, lines);
        return file;
    }

    private CliContractTest.Result run(Path script, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--model", "script:" + script, "--data-dir", dataDir.toString(),
                "--workspace", workspace.toString()));
        args.addAll(List.of(extra));
        return CliContractTest.run("", args.toArray(String[]::new));
    }

    @Test
    void printsTheAnswerOnStdoutAndToolProgressOnStderr() throws IOException {
        Path script = script("<tool_call>{\"name\":\"grep\",\"arguments\":{\"pattern\":\"def main\"}}</tool_call>",
                "It is in app.py.");
        CliContractTest.Result r = run(script, "Where is main?");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("It is in app.py.\n", r.out());
        assertTrue(r.err().contains("→ grep"), r.err());
        assertTrue(r.err().contains("2 steps"), r.err());
    }

    @Test
    void jsonPrintsOneProtocolEventPerLine() throws IOException {
        Path script = script("<tool_call>{\"name\":\"read_file\",\"arguments\":{\"path\":\"app.py\"}}</tool_call>", "Done.");
        CliContractTest.Result r = run(script, "--json", "Read app.py");

        assertEquals(0, r.exitCode(), r.err());
        List<String> types = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            types.add(JSON.readTree(line).get("type").asText());
        }
        assertEquals("session", types.getFirst());
        assertEquals("done", types.getLast());
        assertTrue(types.containsAll(List.of("tool_call", "tool_result", "token", "answer")), types.toString());
        JsonNode result = r.out().lines().map(this::parse).filter(n -> n.get("type").asText().equals("tool_result"))
                .findFirst().orElseThrow();
        assertTrue(result.get("ok").asBoolean());
        assertTrue(result.get("output").asText().contains("def main"), result.toString());
    }

    @Test
    void aStepLimitExitsNonZero() throws IOException {
        Path script = script("<tool_call>{\"name\":\"grep\",\"arguments\":{\"pattern\":\"a\"}}</tool_call>",
                "<tool_call>{\"name\":\"grep\",\"arguments\":{\"pattern\":\"b\"}}</tool_call>");
        CliContractTest.Result r = run(script, "--max-steps", "2", "Search");

        assertEquals(RunCommand.EXIT_LIMIT, r.exitCode());
        assertTrue(r.err().contains("step limit"), r.err());
    }

    @Test
    void aModelErrorExitsOneWithOneLine() throws IOException {
        CliContractTest.Result r = run(script(), "Hello");

        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("gannet: the script has no completion left"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void theSessionIsStoredAndResumable() throws IOException {
        CliContractTest.Result first = run(script("First answer."), "--json", "One");
        String id = parse(first.out().lines().findFirst().orElseThrow()).get("id").asText();

        CliContractTest.Result second = run(script("Second answer."), "--resume", id, "Two");
        assertEquals(0, second.exitCode(), second.err());

        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(dataDir)) {
            StoredSession stored = store.load(id).orElseThrow();
            List<String> contents = stored.messages().stream().map(m -> m.role() + ":" + m.content()).toList();
            assertEquals(List.of("user:One", "assistant:First answer.", "user:Two", "assistant:Second answer."),
                    contents.subList(contents.size() - 4, contents.size()));
            assertEquals(2, stored.turns().size());
        }
    }

    @Test
    void aMissingWorkspaceIsOneLine() throws IOException {
        CliContractTest.Result r = CliContractTest.run("", "run", "--model", "script:" + script("x"),
                "--data-dir", dataDir.toString(), "--workspace", temp.resolve("nope").toString(), "Hi");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("gannet: ") && r.err().contains("no such directory"), r.err());
    }

    @Test
    void chatRunsOneTurnPerLineInOneSession() throws IOException {
        Path script = script("First.", "Second.", "Fresh.");
        CliContractTest.Result r = CliContractTest.run("hello\n\nagain\n/new\nthird\n/exit\n", "chat", "--model",
                "script:" + script, "--data-dir", dataDir.toString(), "--workspace", workspace.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("First.\nSecond.\nFresh.\n", r.out());
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(dataDir)) {
            assertEquals(2, store.list(10).size());
            assertEquals(List.of(2, 1), store.list(10).stream().map(s -> s.turns()).sorted(java.util.Comparator.reverseOrder()).toList());
        }
    }

    private JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
