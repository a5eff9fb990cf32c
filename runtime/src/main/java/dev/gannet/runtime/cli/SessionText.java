package dev.gannet.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.runtime.session.SessionSummary;
import dev.gannet.runtime.session.SessionTotals;
import dev.gannet.runtime.session.StoredSession;
import dev.gannet.runtime.session.ToolRun;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sessions as people read them: the list as a table, one session as a conversation with its totals. */
final class SessionText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int TITLE_WIDTH = 60;
    /** System prompts and tool output can run to thousands of lines; the text view shows their start. */
    static final int MAX_LINES_SHOWN = 20;

    private SessionText() {
    }

    static String table(List<SessionSummary> sessions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "UPDATED", "MODEL", "TURNS", "TITLE"});
        for (SessionSummary s : sessions) {
            rows.add(new String[] {s.id(), time(s.updated()), s.model(), Integer.toString(s.turns()),
                    shorten(oneLine(s.title()), TITLE_WIDTH)});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            String line = String.format(Locale.ROOT, "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2]
                    + "s  %" + widths[3] + "s  %s", (Object[]) row);
            table.append(line.stripTrailing()).append('\n');
        }
        return table.toString();
    }

    static String conversation(StoredSession session) throws JsonProcessingException {
        SessionSummary s = session.summary();
        StringBuilder text = new StringBuilder();
        text.append("session   ").append(s.id()).append('\n');
        text.append("title     ").append(oneLine(s.title())).append('\n');
        text.append("model     ").append(s.model()).append("   mode ").append(s.mode()).append('\n');
        text.append("workspace ").append(s.workspace()).append('\n');
        text.append("created   ").append(time(s.created())).append("   updated ").append(time(s.updated())).append('\n');

        Map<String, Deque<ToolRun>> runsByCallId = runsByCallId(session.toolRuns());
        for (ChatMessage message : session.messages()) {
            text.append('\n');
            switch (message.role()) {
                case "assistant" -> assistant(text, message);
                case "tool" -> tool(text, message, runsByCallId);
                case "system" -> {
                    text.append("── system\n");
                    body(text, message.content(), MAX_LINES_SHOWN);
                }
                default -> {
                    text.append("── ").append(message.role()).append('\n');
                    body(text, message.content(), Integer.MAX_VALUE);
                }
            }
        }
        text.append('\n').append(totals(SessionTotals.of(session))).append('\n');
        return text.toString();
    }

    private static void assistant(StringBuilder text, ChatMessage message) throws JsonProcessingException {
        text.append("── assistant\n");
        if (message.content() != null && !message.content().isEmpty()) {
            body(text, message.content(), Integer.MAX_VALUE);
        }
        for (ToolCall call : message.toolCalls()) {
            text.append("   → ").append(call.name()).append(' ').append(JSON.writeValueAsString(call.arguments()));
            if (call.id() != null) {
                text.append("   [").append(call.id()).append(']');
            }
            text.append('\n');
        }
    }

    private static void tool(StringBuilder text, ChatMessage message, Map<String, Deque<ToolRun>> runsByCallId) {
        // Call ids restart at call_0 with every assistant message, so results are matched to runs in order.
        Deque<ToolRun> runs = runsByCallId.get(String.valueOf(message.toolCallId()));
        ToolRun run = runs == null ? null : runs.pollFirst();
        String name = message.name() != null ? message.name() : run != null ? run.name() : "";
        text.append("── tool ").append(name);
        if (message.toolCallId() != null) {
            text.append(" [").append(message.toolCallId()).append(']');
        }
        if (run != null) {
            text.append(run.ok() ? " ok" : " failed").append(", ").append(run.ms()).append(" ms");
            if (run.truncated()) {
                text.append(", output truncated");
            }
        }
        text.append('\n');
        body(text, message.content(), MAX_LINES_SHOWN);
    }

    private static Map<String, Deque<ToolRun>> runsByCallId(List<ToolRun> runs) {
        Map<String, Deque<ToolRun>> byId = new HashMap<>();
        for (ToolRun run : runs) {
            byId.computeIfAbsent(String.valueOf(run.callId()), id -> new ArrayDeque<>()).add(run);
        }
        return byId;
    }

    private static void body(StringBuilder text, String content, int maxLines) {
        if (content == null) {
            text.append("   (no content)\n");
            return;
        }
        List<String> lines = content.lines().toList();
        int shown = Math.min(lines.size(), maxLines);
        for (int i = 0; i < shown; i++) {
            text.append("   ").append(lines.get(i)).append('\n');
        }
        if (lines.size() > shown) {
            text.append("   … ").append(lines.size() - shown).append(" more lines (--json shows everything)\n");
        }
    }

    private static String totals(SessionTotals totals) {
        return String.format(Locale.ROOT, "totals: %d %s, %d %s, %,d prompt + %,d completion tokens, %.1f s; %d tool %s%s",
                totals.turns(), plural(totals.turns(), "turn"), totals.steps(), plural(totals.steps(), "step"),
                totals.promptTokens(), totals.completionTokens(), totals.ms() / 1000.0,
                totals.toolRuns(), plural(totals.toolRuns(), "run"),
                totals.failedToolRuns() == 0 ? "" : " (" + totals.failedToolRuns() + " failed)");
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
