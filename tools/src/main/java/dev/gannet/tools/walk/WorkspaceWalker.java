package dev.gannet.tools.walk;

import dev.gannet.tools.ignore.IgnoreStack;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walks a directory of the workspace depth first, every directory's entries in name order, so the
 * same tree always gives the same sequence. Symbolic links are reported but never followed (as
 * ripgrep without {@code -L}), so a walk cannot leave the workspace; {@code .git} is never entered;
 * ignored and hidden entries are skipped as {@link WalkOptions} says.
 */
public final class WorkspaceWalker {
    /** Receives entries; returns false to end the walk early. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(WalkEntry entry);
    }

    private final Path root;

    /** @param realRoot the workspace root as a real path */
    public WorkspaceWalker(Path realRoot) {
        this.root = realRoot;
    }

    /**
     * Walks {@code start} (a directory inside the workspace, as a real path). The ignore rules of
     * the directories between the workspace root and {@code start} apply, as they would had the walk
     * begun at the root. Entries that vanish or cannot be read during the walk are skipped.
     */
    public void walk(Path start, WalkOptions options, Visitor visitor) throws IOException {
        IgnoreStack ignores = options.honourIgnoreFiles() ? rulesDownTo(start) : IgnoreStack.none();
        String startRelative = relative(start);
        new Walk(startRelative, options, visitor).directory(start, startRelative, 1, ignores);
    }

    /** Collects the whole walk; convenient where the tree is known to be small. */
    public List<WalkEntry> list(Path start, WalkOptions options) throws IOException {
        List<WalkEntry> entries = new ArrayList<>();
        walk(start, options, entries::add);
        return entries;
    }

    private IgnoreStack rulesDownTo(Path start) throws IOException {
        IgnoreStack stack = IgnoreStack.atWorkspaceRoot(root);
        Path current = root;
        if (start.equals(root)) {
            return stack;
        }
        for (Path name : root.relativize(start)) {
            current = current.resolve(name);
            stack = stack.enter(current, relative(current));
        }
        return stack;
    }

    /** One walk: what it started from, how it chooses, whom it reports to. */
    private record Walk(String startRelative, WalkOptions options, Visitor visitor) {
        /** Returns false when the visitor asked to stop. */
        boolean directory(Path dir, String dirRelative, int depth, IgnoreStack ignores) {
            for (Path child : sortedChildren(dir)) {
                String name = child.getFileName().toString();
                if (name.equals(".git") || (!options.includeHidden() && name.startsWith("."))) {
                    continue;
                }
                BasicFileAttributes attributes = attributes(child);
                if (attributes == null) {
                    continue; // vanished or unreadable since the listing
                }
                EntryType type = typeOf(attributes);
                boolean isDirectory = type == EntryType.DIRECTORY;
                String relative = dirRelative.equals(".") ? name : dirRelative + "/" + name;
                if (options.honourIgnoreFiles() && ignores.isIgnored(relative, isDirectory)) {
                    continue;
                }
                if (!options.globs().accepts(relativeToStart(relative), name, isDirectory)) {
                    continue;
                }
                if (!visitor.visit(new WalkEntry(child, relative, type, depth, attributes.size()))) {
                    return false;
                }
                if (isDirectory && depth < options.maxDepth()) {
                    IgnoreStack inner;
                    try {
                        inner = options.honourIgnoreFiles() ? ignores.enter(child, relative) : ignores;
                    } catch (IOException e) {
                        continue; // unreadable rules: skip the directory rather than search what they hide
                    }
                    if (!directory(child, relative, depth + 1, inner)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Globs are matched relative to the directory walked, as ripgrep matches them. */
        private String relativeToStart(String relative) {
            return startRelative.equals(".") ? relative : relative.substring(startRelative.length() + 1);
        }
    }

    private static List<Path> sortedChildren(Path dir) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            return List.of();
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return children;
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static EntryType typeOf(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return EntryType.SYMLINK;
        }
        if (attributes.isDirectory()) {
            return EntryType.DIRECTORY;
        }
        return attributes.isRegularFile() ? EntryType.FILE : EntryType.OTHER;
    }

    private String relative(Path absolute) {
        String rel = root.relativize(absolute).toString();
        return rel.isEmpty() ? "." : rel;
    }
}
