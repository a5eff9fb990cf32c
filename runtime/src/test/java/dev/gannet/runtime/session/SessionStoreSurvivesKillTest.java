package dev.gannet.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise the store makes: a step it reported as finished is on disk even if the process dies the
 * next instant. A child JVM writes steps and reports each; it is killed with SIGKILL mid-run, and every
 * step it reported must be found when the store is opened again.
 */
class SessionStoreSurvivesKillTest {
    private static final int STEPS_BEFORE_KILL = 40;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyReportedStepSurvivesSigkill() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                StepWriterMain.class.getName(), temp.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String sessionId;
        int lastReported = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertTrue(first != null && first.startsWith("session "), "child said: " + first);
            sessionId = first.substring("session ".length());
            String line;
            while (lastReported < STEPS_BEFORE_KILL - 1 && (line = lines.readLine()) != null) {
                lastReported = Integer.parseInt(line.substring("step ".length()));
            }
            // Killed while it is writing: lines it printed after this one are not counted, which only makes
            // the check below weaker than it could be, never wrong.
            child.destroyForcibly();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(lastReported >= STEPS_BEFORE_KILL - 1, "the child stopped early, after step " + lastReported);
        assertEquals(137, child.exitValue(), "the child must have died to SIGKILL, not ended on its own");

        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(temp)) {
            StoredSession session = store.load(sessionId).orElseThrow();
            assertTrue(session.messages().size() >= lastReported + 1,
                    "reported " + (lastReported + 1) + " steps, found " + session.messages().size());
            assertTrue(session.toolRuns().size() >= lastReported + 1);
            assertTrue(session.turns().size() >= lastReported + 1);
            for (int step = 0; step <= lastReported; step++) {
                assertEquals("step " + step, session.messages().get(step).content());
                assertEquals("output " + step, session.toolRuns().get(step).output());
                assertEquals(step, session.turns().get(step).promptTokens());
            }
            List<SessionSummary> listed = store.list(10);
            assertEquals(sessionId, listed.getFirst().id());
        }
    }
}
