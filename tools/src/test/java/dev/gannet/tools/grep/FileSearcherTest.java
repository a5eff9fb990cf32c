package dev.gannet.tools.grep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.tools.ToolException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both search paths (whole text in one scan, and streaming a line at a time) against the plainest
 * possible reference: split into lines, test each line alone, add context by line numbers.
 */
class FileSearcherTest {
    private static final String[] WORDS = {"foo", "bar", "Foo", "baz", "a.b", "x", "  ", "end", "\t", "é", "foo bar", "\r", "end\r", "FOO BAR", "\u017f", "S"};
    private static final String[] PATTERNS = {"foo", "^foo", "bar$", "o\\s+b", "\\bx\\b", "[aeiou]{2}", "a.b", "^$", "é",
            "x*", "(?i)FOO", "foo|end", "end$", "\\r$", "d.$",
            "foo ba", "a\\.b", "FOO", "bar\\s*end", "(foo|bar) ba[rz]", "\u017f"};
    private final Deadline noDeadline = Deadline.after(Duration.ofMinutes(5));

    @Test
    void bothPathsAgreeWithALineByLineReference() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 400; round++) {
            String text = randomText(random);
            String pattern = PATTERNS[random.nextInt(PATTERNS.length)];
            int context = random.nextInt(3);
            int maxMatches = 1 + random.nextInt(8);
            boolean ignoreCase = random.nextInt(3) == 0;
            List<MatchedLine> expected = reference(text, pattern, ignoreCase, context, maxMatches);
            LineMatcher matcher = LineMatcher.compile(pattern, false, ignoreCase);
            assertTrue(matcher.scansWholeText());
            FileSearcher searcher = new FileSearcher(matcher, context, Long.MAX_VALUE, noDeadline);
            String label = "pattern " + pattern + (ignoreCase ? " ignoring case" : "") + " context " + context + " max " + maxMatches + " in:\n" + text;
            assertEquals(expected, searcher.searchText("f", text, false, maxMatches).lines(), "whole: " + label);
            FileMatches streamed = searcher.searchStream("f",
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxMatches);
            assertEquals(expected, streamed.lines(), "stream: " + label);
        }
    }

    @Test
    void literalSearchFindsRegexCharactersAsText() throws Exception {
        LineMatcher literal = LineMatcher.compile("a.b(", true, false);
        FileSearcher searcher = new FileSearcher(literal, 0, Long.MAX_VALUE, noDeadline);
        FileMatches found = searcher.searchText("f", "axb(\na.b(\n", false, 10);
        assertEquals(List.of(new MatchedLine(2, "a.b(", true, true)), found.lines());
        assertTrue(LineMatcher.compile("needle", false, false) instanceof LineMatcher.Literal, "plain text needs no regex");
        assertTrue(LineMatcher.compile("need.e", false, false) instanceof LineMatcher.Regex);
        LineMatcher literalIgnoringCase = LineMatcher.compile("A.B(", true, true);
        assertEquals(1, new FileSearcher(literalIgnoringCase, 0, Long.MAX_VALUE, noDeadline)
                .searchText("f", "axb(\na.b(\n", false, 10).matchCount());
    }

    @Test
    void crlfLinesMatchAsInRipgrepAndShowWithoutTheCarriageReturn() throws Exception {
        String text = "start\r\nthe end\r\n";
        FileSearcher dollar = new FileSearcher(LineMatcher.compile("end$", false, false), 0, Long.MAX_VALUE, noDeadline);
        assertEquals(0, dollar.searchText("f", text, false, 10).matchCount(), "'$' does not match before '\\r'");
        FileSearcher plain = new FileSearcher(LineMatcher.compile("end", false, false), 0, Long.MAX_VALUE, noDeadline);
        assertEquals(List.of(new MatchedLine(2, "the end", true, true)), plain.searchText("f", text, false, 10).lines());
    }

    @Test
    void patternsThatLookPastTheLineAreSearchedLineByLine() throws Exception {
        LineMatcher anchored = LineMatcher.compile("\\Afoo", false, false);
        assertTrue(!anchored.scansWholeText());
        FileSearcher searcher = new FileSearcher(anchored, 0, Long.MAX_VALUE, noDeadline);
        FileMatches found = searcher.searchStream("f", new ByteArrayInputStream("foo\nbar\nfoo\n".getBytes(StandardCharsets.UTF_8)), 10);
        assertEquals(2, found.matchCount());
        assertTrue(LineMatcher.compile("(?<name>x)", false, false).scansWholeText(), "a named group is no lookbehind");
    }

    @Test
    void badPatternsAreRefusedWithAReason() {
        ToolException unclosed = assertThrows(ToolException.class, () -> LineMatcher.compile("(foo", false, false));
        assertTrue(unclosed.getMessage().contains("fixed_strings"), unclosed.getMessage());
        assertThrows(ToolException.class, () -> LineMatcher.compile("a\nb", false, false));
    }

    @Test
    void catastrophicBacktrackingStopsAtTheDeadline() throws Exception {
        // Java's regex engine survives the textbook cases such as (a+)+$; this one runs for hours.
        LineMatcher evil = LineMatcher.compile("(.*,){11}P", false, false);
        FileSearcher searcher = new FileSearcher(evil, 0, Long.MAX_VALUE, Deadline.after(Duration.ofMillis(200)));
        String line = "x,".repeat(30);
        long start = System.nanoTime();
        assertThrows(SearchTimedOutException.class, () -> searcher.searchText("f", line, false, 10));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int lines = random.nextInt(25);
        for (int i = 0; i < lines; i++) {
            int words = random.nextInt(4);
            for (int w = 0; w < words; w++) {
                text.append(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextBoolean()) {
                    text.append(' ');
                }
            }
            if (i < lines - 1 || random.nextBoolean()) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The definition of grep output, spelled out as simply as possible. */
    private static List<MatchedLine> reference(String text, String regex, boolean ignoreCase, int context, int maxMatches)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n") || text.isEmpty()) {
            lines.removeLast(); // the empty piece after the final line break is not a line
        }
        Pattern pattern = Pattern.compile(regex,
                Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < lines.size() && matches.size() < maxMatches; i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                matches.add(i);
            }
        }
        boolean[] shown = new boolean[lines.size()];
        for (int i = 0; i < matches.size(); i++) {
            int m = matches.get(i);
            int nextMatch = i + 1 < matches.size() ? matches.get(i + 1) : lines.size();
            for (int j = Math.max(0, m - context); j <= Math.min(lines.size() - 1, m + context); j++) {
                if (j <= m || j < nextMatch) {
                    shown[j] = true;
                }
            }
        }
        List<MatchedLine> out = new ArrayList<>();
        int last = -2;
        for (int j = 0; j < lines.size(); j++) {
            if (shown[j]) {
                String shownText = lines.get(j).endsWith("\r") ? lines.get(j).substring(0, lines.get(j).length() - 1) : lines.get(j);
                out.add(new MatchedLine(j + 1, shownText, matches.contains(j), j != last + 1));
                last = j;
            }
        }
        return out;
    }
}
