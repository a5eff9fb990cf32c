package dev.gannet.tools.grep;

/**
 * A line of search output.
 *
 * @param number      the line number, from 1
 * @param text        the line without its line break
 * @param match       true for a matching line, false for a context line
 * @param startsGroup true when the line does not directly follow the previous line shown, so
 *                    output with context separates it with {@code --}
 */
public record MatchedLine(int number, String text, boolean match, boolean startsGroup) {
}
