package dev.gannet.tools.grep;

import dev.gannet.tools.text.ByteLineReader;
import dev.gannet.tools.text.DecodedText;
import dev.gannet.tools.text.TextDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Searches one file for matching lines, with context. Files up to {@code wholeFileBytes} are read
 * and decoded at once and scanned in a single pass (the fast path); larger ones, and every file
 * when the pattern looks beyond line edges, are streamed a line at a time, so a gigabyte log costs
 * no more memory than its longest line.
 */
final class FileSearcher {
    private final LineMatcher matcher;
    private final int context;
    private final long wholeFileBytes;
    private final Deadline deadline;

    FileSearcher(LineMatcher matcher, int context, long wholeFileBytes, Deadline deadline) {
        this.matcher = matcher;
        this.context = context;
        this.wholeFileBytes = wholeFileBytes;
        this.deadline = deadline;
    }

    /** Searches a file, stopping after {@code maxMatches} matching lines. */
    FileMatches search(Path file, String relative, long size, int maxMatches) throws IOException {
        if (size <= wholeFileBytes && matcher.scansWholeText()) {
            byte[] bytes = Files.readAllBytes(file);
            if (TextDecoder.looksBinary(bytes, bytes.length)) {
                return FileMatches.skippedBinary(relative);
            }
            DecodedText decoded = TextDecoder.decode(bytes);
            return searchText(relative, decoded.text(), decoded.invalidBytes(), maxMatches);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(TextDecoder.BINARY_PROBE_BYTES);
            // A streamed file is read as UTF-8, so a large UTF-16 file is skipped like a binary one.
            if (TextDecoder.looksBinary(head, head.length) || TextDecoder.hasUtf16ByteOrderMark(head)) {
                return FileMatches.skippedBinary(relative);
            }
            return searchStream(relative, new SequenceInputStream(new ByteArrayInputStream(head), in), maxMatches);
        }
    }

    /**
     * The fast path: one scan of the whole text for candidates, each confirmed on its line. A line
     * is everything up to '\n'; a '\r' before it takes part in matching (so {@code end$} does not
     * match {@code "end\r"}, as in ripgrep) but is not shown.
     */
    FileMatches searchText(String relative, String text, boolean invalidBytes, int maxMatches) {
        int length = text.length();
        List<int[]> matches = new ArrayList<>(); // {number, start, end} of each matching line
        int lineNumber = 1;
        int counted = 0;
        int from = 0;
        while (from < length && matches.size() < maxMatches) {
            int candidate = matcher.candidate(text, from, deadline);
            if (candidate < 0) {
                break;
            }
            int start = candidate == 0 ? 0 : text.lastIndexOf('\n', candidate - 1) + 1;
            if (start >= length) {
                break; // an empty match after the final line break is not a line
            }
            int end = text.indexOf('\n', start);
            int next = end < 0 ? length : end + 1;
            end = end < 0 ? length : end;
            lineNumber += countLineBreaks(text, counted, start);
            counted = start;
            if (matcher.matchesLine(text, start, end, deadline)) {
                matches.add(new int[] {lineNumber, start, end});
            }
            from = next;
        }
        return new FileMatches(relative, withContext(text, matches), matches.size(), false, invalidBytes);
    }

    private List<MatchedLine> withContext(String text, List<int[]> matches) {
        List<MatchedLine> out = new ArrayList<>();
        int lastShown = 0; // line number of the last line shown; 0 before any
        for (int i = 0; i < matches.size(); i++) {
            int[] match = matches.get(i);
            int number = match[0];
            // Lines before: walk back from the match's start.
            int firstBefore = Math.max(number - context, lastShown + 1);
            Deque<MatchedLine> before = new ArrayDeque<>();
            int start = match[1];
            for (int n = number - 1; n >= firstBefore; n--) {
                int end = start - 1; // the '\n' ending line n
                start = end == 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
                before.push(new MatchedLine(n, stripCr(text, start, end), false, false));
            }
            for (MatchedLine line : before) {
                out.add(startsGroupIfGap(line, lastShown));
                lastShown = line.number();
            }
            out.add(startsGroupIfGap(new MatchedLine(number, stripCr(text, match[1], match[2]), true, false), lastShown));
            lastShown = number;
            // Lines after, up to the next match.
            int nextMatch = i + 1 < matches.size() ? matches.get(i + 1)[0] : Integer.MAX_VALUE;
            int end = text.indexOf('\n', match[1]);
            for (int n = number + 1; n <= number + context && n < nextMatch && end >= 0 && end + 1 < text.length(); n++) {
                int lineStart = end + 1;
                end = text.indexOf('\n', lineStart);
                int lineEnd = end < 0 ? text.length() : end;
                out.add(new MatchedLine(n, stripCr(text, lineStart, lineEnd), false, false));
                lastShown = n;
            }
        }
        return out;
    }

    /** The slow path for large files: a line at a time, with a ring of lines for leading context. */
    FileMatches searchStream(String relative, InputStream in, int maxMatches) throws IOException {
        List<MatchedLine> out = new ArrayList<>();
        Deque<MatchedLine> recent = new ArrayDeque<>();
        ByteLineReader reader = new ByteLineReader(in);
        int lineNumber = 0;
        int matchCount = 0;
        int afterLeft = 0;
        int lastShown = 0;
        boolean invalidBytes = false;
        while (reader.next()) {
            byte[] raw = reader.bytes();
            lineNumber++;
            if ((lineNumber & 0xfff) == 0 && deadline.expired()) {
                throw new SearchTimedOutException();
            }
            DecodedText decoded = TextDecoder.decodeUtf8(raw, 0, reader.length());
            invalidBytes |= decoded.invalidBytes();
            String matched = decoded.text(); // a trailing '\r' takes part in matching, as in ripgrep
            String line = matched.endsWith("\r") ? matched.substring(0, matched.length() - 1) : matched;
            if (matchCount < maxMatches && matcher.matchesLine(matched, 0, matched.length(), deadline)) {
                matchCount++;
                for (MatchedLine previous : recent) {
                    out.add(startsGroupIfGap(previous, lastShown));
                    lastShown = previous.number();
                }
                recent.clear();
                out.add(startsGroupIfGap(new MatchedLine(lineNumber, line, true, false), lastShown));
                lastShown = lineNumber;
                afterLeft = context;
            } else if (afterLeft > 0) {
                out.add(new MatchedLine(lineNumber, line, false, false));
                lastShown = lineNumber;
                afterLeft--;
            } else if (matchCount >= maxMatches) {
                break;
            } else if (context > 0) {
                recent.addLast(new MatchedLine(lineNumber, line, false, false));
                if (recent.size() > context) {
                    recent.removeFirst();
                }
            }
        }
        return new FileMatches(relative, out, matchCount, false, invalidBytes);
    }

    private static MatchedLine startsGroupIfGap(MatchedLine line, int lastShown) {
        boolean gap = lastShown == 0 || line.number() > lastShown + 1;
        return gap ? new MatchedLine(line.number(), line.text(), line.match(), true) : line;
    }

    private static String stripCr(String text, int start, int end) {
        return end > start && text.charAt(end - 1) == '\r' ? text.substring(start, end - 1) : text.substring(start, end);
    }

    private static int countLineBreaks(String text, int from, int to) {
        int count = 0;
        for (int i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }
}
