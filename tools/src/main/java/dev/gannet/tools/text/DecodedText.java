package dev.gannet.tools.text;

/**
 * A file's bytes as text.
 *
 * @param text         the decoded text, without a byte order mark
 * @param encoding     the encoding used: {@code UTF-8}, {@code UTF-16LE} or {@code UTF-16BE}
 * @param invalidBytes whether some bytes were not valid in that encoding (each shown as U+FFFD)
 */
public record DecodedText(String text, String encoding, boolean invalidBytes) {
}
