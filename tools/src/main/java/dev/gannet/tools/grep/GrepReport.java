package dev.gannet.tools.grep;

import java.util.List;

/**
 * The outcome of a search over many files.
 *
 * @param files          the files with matches, in path order
 * @param filesSearched  how many files were read
 * @param binarySkipped  how many of them were skipped as binary
 * @param unreadable     how many could not be read (vanished, no permission)
 * @param matchCount     the matching lines reported, at most the cap
 * @param hitMatchCap    whether the search stopped at the cap on matches
 * @param timedOut       whether the search stopped at its deadline
 */
public record GrepReport(List<FileMatches> files, int filesSearched, int binarySkipped, int unreadable,
        int matchCount, boolean hitMatchCap, boolean timedOut) {
}
