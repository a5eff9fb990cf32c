package dev.gannet.tools.path;

import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import dev.gannet.tools.text.Quote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves paths from tool calls against the workspace root and refuses every one that would
 * reach outside it.
 *
 * <p>Resolution walks the path one name at a time, as the kernel does, reading each symbolic link
 * it meets and continuing from the link's target; after every step the location must still be
 * inside the workspace. So {@code ..} above the root, absolute paths elsewhere, and symbolic links
 * to files or directories outside (dangling ones too) are all refused, and a path is never
 * interpreted lexically in a way the kernel would not. A NUL byte is refused before anything is
 * looked up. What lies at the end must then suit the operation: only regular files are read
 * (device files and FIFOs are refused: reading one could block or never end), and nothing under a
 * {@code .git} directory is ever written.
 *
 * <p>A resolved path stays valid as long as nothing swaps a directory for a symlink after the
 * check. The sandbox ensures no command outlives its call (its PID namespace is torn down when the
 * command exits), so no process of the model's can race a later tool call.
 */
public final class WorkspacePaths {
    /** The kernel's own limit on symlinks followed in one lookup (Linux MAXSYMLINKS). */
    private static final int MAX_SYMLINK_HOPS = 40;

    private final Path root;

    /** @param realRoot the workspace root as a real path */
    public WorkspacePaths(Path realRoot) {
        this.root = realRoot;
    }

    public Path root() {
        return root;
    }

    /** Resolves a path that may or may not exist. */
    public ResolvedPath resolve(String raw) throws ToolException {
        if (raw.indexOf('\0') >= 0) {
            throw refused(raw, "contains a NUL byte");
        }
        Deque<String> pending = new ArrayDeque<>();
        Path start = raw.startsWith("/") ? relativeToRootFromAbsolute(raw, raw) : Path.of(raw);
        pushFront(pending, start);
        return walk(raw, pending);
    }

    /** Resolves a path that must exist (a file or a directory). */
    public ResolvedPath existing(String raw) throws ToolException {
        ResolvedPath path = resolve(raw);
        if (!path.exists()) {
            throw new ToolException(ToolError.NOT_FOUND, "no such file or directory: " + Quote.of(raw));
        }
        refuseSpecialFile(raw, path);
        return path;
    }

    /** Resolves a path that must be an existing regular file. */
    public ResolvedPath regularFile(String raw) throws ToolException {
        ResolvedPath path = existing(raw);
        if (Files.isDirectory(path.absolute())) {
            throw new ToolException(ToolError.WRONG_FILE_TYPE, Quote.of(raw) + " is a directory, not a file");
        }
        return path;
    }

    /** Resolves a path that must be an existing directory. */
    public ResolvedPath directory(String raw) throws ToolException {
        ResolvedPath path = existing(raw);
        if (!Files.isDirectory(path.absolute())) {
            throw new ToolException(ToolError.WRONG_FILE_TYPE, Quote.of(raw) + " is a file, not a directory");
        }
        return path;
    }

    /**
     * Resolves a file to be written: inside the workspace, not the root, not under {@code .git},
     * and either absent or a regular file.
     */
    public ResolvedPath writableFile(String raw) throws ToolException {
        ResolvedPath path = resolve(raw);
        if (path.isWorkspaceRoot()) {
            throw refused(raw, "is the workspace root itself");
        }
        if (isUnderGitDirectory(path.relative())) {
            throw refused(raw, "is inside .git; the repository's own files are never written");
        }
        if (path.exists()) {
            refuseSpecialFile(raw, path);
            if (Files.isDirectory(path.absolute())) {
                throw new ToolException(ToolError.WRONG_FILE_TYPE, Quote.of(raw) + " is a directory, not a file");
            }
        }
        return path;
    }

    /** Whether any name in a workspace-relative path is {@code .git} (in any letter case). */
    public static boolean isUnderGitDirectory(String relative) {
        for (String name : relative.split("/")) {
            if (name.toLowerCase(Locale.ROOT).equals(".git")) {
                return true;
            }
        }
        return false;
    }

    private ResolvedPath walk(String raw, Deque<String> pending) throws ToolException {
        Path current = root;
        boolean missing = false;
        int hops = 0;
        String lastLink = null; // named in refusals, since the path as written shows no '..'
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (missing) {
                    throw new ToolException(ToolError.NOT_FOUND, "no such directory in " + Quote.of(raw)
                            + ": " + Quote.of(relative(current)));
                }
                if (current.equals(root)) {
                    throw refused(raw, "leads outside the workspace through '..'"
                            + (lastLink == null ? "" : " (in the target of the symbolic link " + Quote.of(lastLink) + ")"));
                }
                current = current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            if (missing) {
                current = next;
                continue;
            }
            Optional<BasicFileAttributes> attributes = attributesWithoutFollowing(next);
            if (attributes.isEmpty()) {
                missing = true;
                current = next;
            } else if (attributes.get().isSymbolicLink()) {
                if (++hops > MAX_SYMLINK_HOPS) {
                    throw refused(raw, "passes through too many symbolic links");
                }
                Path target = readLink(next);
                lastLink = relative(next);
                if (target.isAbsolute()) {
                    pushFront(pending, relativeToRootFromAbsolute(raw, target.toString(), relative(next)));
                    current = root;
                } else {
                    pushFront(pending, target);
                }
            } else {
                if (!pending.isEmpty() && !attributes.get().isDirectory() && hasMoreNames(pending)) {
                    throw new ToolException(ToolError.WRONG_FILE_TYPE, Quote.of(raw)
                            + ": " + Quote.of(relative(next)) + " is not a directory");
                }
                current = next;
            }
        }
        if (!current.startsWith(root)) {
            // The walk above never leaves the root; this guards the guard.
            throw refused(raw, "resolves outside the workspace");
        }
        return new ResolvedPath(current, relative(current), !missing);
    }

    private static boolean hasMoreNames(Deque<String> pending) {
        for (String name : pending) {
            if (!name.isEmpty() && !name.equals(".")) {
                return true;
            }
        }
        return false;
    }

    /** An absolute path given in a call must lie under the root; the rest is walked from there. */
    private Path relativeToRootFromAbsolute(String raw, String absolute) throws ToolException {
        return relativeToRootFromAbsolute(raw, absolute, null);
    }

    private Path relativeToRootFromAbsolute(String raw, String absolute, String viaLink) throws ToolException {
        Path path = Path.of(absolute);
        if (path.startsWith(root)) {
            // The rest is walked name by name, '..' included, so it is taken as written.
            return path.getNameCount() == root.getNameCount()
                    ? Path.of("")
                    : path.subpath(root.getNameCount(), path.getNameCount());
        }
        // The same place may be written through a symlinked ancestor of the root (/tmp -> /private/tmp).
        try {
            Path real = path.toRealPath();
            if (real.startsWith(root)) {
                return root.relativize(real);
            }
        } catch (IOException e) {
            // Dangling or unreadable: it is outside by the lexical test above, so it is refused.
        }
        if (viaLink != null) {
            throw refused(raw, "passes through the symbolic link " + Quote.of(viaLink)
                    + ", which points outside the workspace");
        }
        throw refused(raw, "is an absolute path outside the workspace");
    }

    private static void pushFront(Deque<String> pending, Path path) {
        List<Path> names = new ArrayList<>();
        path.forEach(names::add);
        for (int i = names.size() - 1; i >= 0; i--) {
            pending.push(names.get(i).toString());
        }
    }

    private void refuseSpecialFile(String raw, ResolvedPath path) throws ToolException {
        BasicFileAttributes attributes = attributesWithoutFollowing(path.absolute()).orElse(null);
        if (attributes != null && attributes.isOther()) {
            throw refused(raw, "is a device file, FIFO or socket; only regular files and directories are opened");
        }
    }

    private static Optional<BasicFileAttributes> attributesWithoutFollowing(Path path) throws ToolException {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ToolException(ToolError.IO_ERROR, "cannot inspect " + path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static Path readLink(Path link) throws ToolException {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new ToolException(ToolError.IO_ERROR, "cannot read symbolic link " + link.getFileName(), e);
        }
    }

    private String relative(Path absolute) {
        String rel = root.relativize(absolute).toString();
        return rel.isEmpty() ? "." : rel;
    }

    private static ToolException refused(String raw, String why) {
        return new ToolException(ToolError.PATH_REFUSED, "path " + Quote.of(raw) + " refused: it " + why);
    }
}
