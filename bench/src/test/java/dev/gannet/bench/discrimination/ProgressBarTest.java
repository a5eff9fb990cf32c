package dev.gannet.bench.discrimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static String run(boolean terminal, int total) {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), "m", total, terminal);
        for (int done = 0; done <= total; done++) {
            bar.show(done, done < total ? "case-" + done : "");
        }
        bar.finish();
        return text.toString();
    }

    @Test
    void intoAFileItPrintsAPlainLineAtEachTenth() {
        String log = run(false, 60);
        assertFalse(log.contains("\r") || log.contains("\u001b"), log);
        List<String> lines = log.lines().toList();
        assertEquals(11, lines.size(), log);
        assertEquals("m: 0/60 cases", lines.getFirst());
        assertEquals("m: 6/60 cases", lines.get(1));
        assertEquals("m: 60/60 cases", lines.getLast());
    }

    @Test
    void aShortRunIntoAFileShowsEveryCaseOnce() {
        assertEquals(List.of("m: 0/3 cases", "m: 1/3 cases", "m: 2/3 cases", "m: 3/3 cases"), run(false, 3).lines().toList());
    }

    @Test
    void onATerminalItRedrawsOneLine() {
        String screen = run(true, 4);
        assertEquals(5, screen.chars().filter(c -> c == '\r').count());
        assertTrue(screen.contains("m [###############...............] 2/4 case-2"), screen);
        assertTrue(screen.endsWith("\n"), screen);
        assertEquals(1, screen.chars().filter(c -> c == '\n').count(), "one line, redrawn");
    }
}
