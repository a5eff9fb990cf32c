package dev.gannet.tools.grep;

import java.nio.file.Path;

/** A file to search: where it is, how the results name it, and its size. */
public record SearchTarget(Path absolute, String relative, long size) {
}
