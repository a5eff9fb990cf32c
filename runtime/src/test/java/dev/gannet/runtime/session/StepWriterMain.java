package dev.gannet.runtime.session;

import dev.gannet.prompts.template.ChatMessage;
import java.nio.file.Path;

/**
 * The child process of {@link SessionStoreSurvivesKillTest}: writes steps to a store in the given data
 * directory without end, printing {@code session ID} first and then {@code step N} after step N is
 * committed, until it is killed.
 */
public final class StepWriterMain {
    private StepWriterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SessionStore store = SqliteSessionStore.inDataDir(Path.of(args[0]));
        String id = store.create(new NewSession("smollm2", "/tmp", "read-only", "kill test")).id();
        System.out.println("session " + id);
        System.out.flush();
        for (int step = 0; ; step++) {
            store.appendMessage(id, ChatMessage.user("step " + step));
            store.recordToolRun(id, new ToolRun("call_" + step, "grep", "{}", true, "output " + step, false, step));
            store.recordTurn(id, new TurnRecord(1, step, step, step, "answer", "smollm2"));
            // Reported only once every write of the step has returned, i.e. has been committed.
            System.out.println("step " + step);
            System.out.flush();
            // Leaves the cores to the rest of the build; the test needs only a few dozen steps.
            Thread.sleep(2);
        }
    }
}
