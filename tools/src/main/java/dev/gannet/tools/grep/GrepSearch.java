package dev.gannet.tools.grep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches files in path order, a batch at a time with the batch spread over the cores, and
 * stops as soon as the cap on matching lines or the deadline is reached. Results come out in the
 * order the files went in whatever thread searched them, and the cap keeps the first matches in
 * that order, so the same tree and pattern always give the same output.
 */
public final class GrepSearch {
    /** Files up to this size are searched in one piece; larger ones are streamed. */
    public static final long WHOLE_FILE_BYTES = 32L * 1024 * 1024;
    private static final int BATCH = 256;

    private final LineMatcher matcher;
    private final int context;
    private final int maxMatches;
    private final Deadline deadline;
    private final long wholeFileBytes;

    public GrepSearch(LineMatcher matcher, int context, int maxMatches, Deadline deadline) {
        this(matcher, context, maxMatches, deadline, WHOLE_FILE_BYTES);
    }

    GrepSearch(LineMatcher matcher, int context, int maxMatches, Deadline deadline, long wholeFileBytes) {
        this.matcher = matcher;
        this.context = context;
        this.maxMatches = maxMatches;
        this.deadline = deadline;
        this.wholeFileBytes = wholeFileBytes;
    }

    public GrepReport run(List<SearchTarget> targets) {
        List<FileMatches> found = new ArrayList<>();
        int searched = 0;
        int binary = 0;
        int unreadable = 0;
        int matches = 0;
        boolean timedOut = false;
        for (int from = 0; from < targets.size() && matches < maxMatches; from += BATCH) {
            if (deadline.expired()) {
                timedOut = true;
                break;
            }
            int remaining = maxMatches - matches;
            List<SearchTarget> batch = targets.subList(from, Math.min(from + BATCH, targets.size()));
            List<Outcome> outcomes = batch.parallelStream()
                    .map(target -> searchOne(target, remaining))
                    .toList();
            for (Outcome outcome : outcomes) {
                if (outcome.timedOut()) {
                    timedOut = true;
                    continue;
                }
                if (outcome.result() == null) {
                    unreadable++;
                    continue;
                }
                searched++;
                FileMatches result = outcome.result();
                if (result.binary()) {
                    binary++;
                } else if (result.matchCount() > 0 && matches < maxMatches) {
                    FileMatches kept = capped(result, maxMatches - matches);
                    found.add(kept);
                    matches += kept.matchCount();
                }
            }
            if (timedOut) {
                break;
            }
        }
        return new GrepReport(found, searched, binary, unreadable, matches, matches >= maxMatches, timedOut);
    }

    private record Outcome(FileMatches result, boolean timedOut) {
    }

    private Outcome searchOne(SearchTarget target, int remaining) {
        // Each thread needs its own matcher; a literal matcher is shared since it holds no state.
        FileSearcher searcher = new FileSearcher(matcher.copy(), context, wholeFileBytes, deadline);
        try {
            return new Outcome(searcher.search(target.absolute(), target.relative(), target.size(), remaining), false);
        } catch (SearchTimedOutException e) {
            return new Outcome(null, true);
        } catch (IOException | UncheckedIOException e) {
            return new Outcome(null, false);
        }
    }

    /** Keeps the first {@code limit} matching lines of a file and the context up to the last of them. */
    private FileMatches capped(FileMatches result, int limit) {
        if (result.matchCount() <= limit) {
            return result;
        }
        List<MatchedLine> kept = new ArrayList<>();
        int count = 0;
        int lastKept = 0;
        for (MatchedLine line : result.lines()) {
            if (line.match()) {
                if (count == limit) {
                    break;
                }
                count++;
                lastKept = line.number();
            } else if (count == limit && line.number() > lastKept + context) {
                break; // only the trailing context of the last kept match stays
            }
            kept.add(line);
        }
        return new FileMatches(result.relative(), kept, count, false, result.invalidBytes());
    }
}
