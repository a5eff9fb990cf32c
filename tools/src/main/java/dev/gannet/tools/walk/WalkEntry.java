package dev.gannet.tools.walk;

import java.nio.file.Path;

/**
 * One entry found by a walk.
 *
 * @param absolute the host path
 * @param relative the path relative to the workspace root, {@code /}-separated
 * @param type     file, directory, symbolic link or special file
 * @param depth    1 for the children of the directory walked, 2 for theirs, and so on
 * @param size     the size in bytes as the directory listing reported it
 */
public record WalkEntry(Path absolute, String relative, EntryType type, int depth, long size) {
}
