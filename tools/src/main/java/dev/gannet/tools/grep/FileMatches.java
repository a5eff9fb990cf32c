package dev.gannet.tools.grep;

import java.util.List;

/**
 * What a search found in one file.
 *
 * @param relative     the file's path relative to the workspace root
 * @param lines        matching lines and their context, in line order
 * @param matchCount   how many lines matched (context lines not counted)
 * @param binary       whether the file was skipped as binary
 * @param invalidBytes whether some bytes were not valid UTF-8 (shown as U+FFFD)
 */
public record FileMatches(String relative, List<MatchedLine> lines, int matchCount, boolean binary, boolean invalidBytes) {
    static FileMatches skippedBinary(String relative) {
        return new FileMatches(relative, List.of(), 0, true, false);
    }
}
