package dev.gannet.tools.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the sandbox needs to know about the host: whether this process is root, where the helper
 * programs are, and how the system directories are laid out (on merged-/usr systems {@code /bin}
 * and {@code /lib} are symbolic links into {@code /usr}, elsewhere they are directories).
 *
 * @param runningAsRoot whether this process's effective uid is 0
 * @param bubblewrap    the {@code bwrap} executable, if installed
 * @param setpriv       util-linux's {@code setpriv}, used to leave uid 0 inside the sandbox
 * @param shell         the shell that runs commands ({@code bash}, else {@code sh})
 * @param systemPaths   the top-level system directories present, each a directory or a link
 * @param maskedFiles   files under /etc that not every user may read (password hashes, private
 *                      keys, database passwords); each is masked inside the sandbox
 * @param maskedDirectories directories under /etc that not every user may enter; each is hidden
 *                      behind an empty tmpfs
 */
public record HostLayout(
        boolean runningAsRoot,
        Optional<Path> bubblewrap,
        Optional<Path> setpriv,
        Path shell,
        List<SystemPath> systemPaths,
        List<Path> maskedFiles,
        List<Path> maskedDirectories) {

    /** A top-level directory bound read-only, or a symbolic link recreated as it is on the host. */
    public record SystemPath(Path path, Optional<String> linkTarget) {
    }

    /** Where programs are looked for when PATH says nothing useful. */
    public static final List<Path> STANDARD_BINARY_DIRECTORIES =
            List.of(Path.of("/usr/local/bin"), Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"), Path.of("/sbin"));

    private static final List<String> SYSTEM_PATHS =
            List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc");
    private static final Path ETC = Path.of("/etc");

    /** Looks at this host, finding programs on {@code PATH} and the standard directories. */
    public static HostLayout probe() {
        return probe(searchPath());
    }

    /** Looks at this host, finding programs in the given directories only. */
    public static HostLayout probe(List<Path> searchPath) {
        Path shell = find("bash", searchPath).or(() -> find("sh", searchPath)).orElse(Path.of("/bin/sh"));
        List<SystemPath> system = new ArrayList<>();
        for (String name : SYSTEM_PATHS) {
            Path path = Path.of(name);
            try {
                if (Files.isSymbolicLink(path)) {
                    system.add(new SystemPath(path, Optional.of(Files.readSymbolicLink(path).toString())));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    system.add(new SystemPath(path, Optional.empty()));
                }
            } catch (IOException e) {
                // An unreadable link is left out of the sandbox.
            }
        }
        List<Path> maskedFiles = new ArrayList<>();
        List<Path> maskedDirectories = new ArrayList<>();
        findPrivate(ETC, maskedFiles, maskedDirectories);
        return new HostLayout(currentUidIsRoot(), find("bwrap", searchPath), find("setpriv", searchPath),
                shell, List.copyOf(system), List.copyOf(maskedFiles), List.copyOf(maskedDirectories));
    }

    /** The same host with bubblewrap missing; what a machine without it looks like. */
    public HostLayout withoutBubblewrap() {
        return new HostLayout(runningAsRoot, Optional.empty(), setpriv, shell, systemPaths, maskedFiles, maskedDirectories);
    }

    /**
     * Collects what under {@code directory} only some users may read: files without the
     * world-read bit, directories without world read or search. When the runtime is root, the
     * sandboxed command gets the capability to read any file (so that a root-owned workspace works),
     * and masking these keeps it from reading more of the system than any user could.
     */
    private static void findPrivate(Path directory, List<Path> files, List<Path> directories) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isSymbolicLink(entry)) {
                    continue; // a link's target is judged where it lies
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(entry, LinkOption.NOFOLLOW_LINKS);
                boolean readable = permissions.contains(PosixFilePermission.OTHERS_READ);
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    if (!readable || !permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        directories.add(entry);
                    } else {
                        findPrivate(entry, files, directories);
                    }
                } else if (!readable && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            // Unreadable to this process: then no command it starts can read it either.
        }
    }

    /** The directories of this process's PATH, then the standard ones. */
    public static List<Path> searchPath() {
        List<Path> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(":")) {
                if (!entry.isEmpty() && entry.startsWith("/")) {
                    directories.add(Path.of(entry));
                }
            }
        }
        directories.addAll(STANDARD_BINARY_DIRECTORIES);
        return directories;
    }

    private static Optional<Path> find(String program, List<Path> directories) {
        for (Path directory : directories) {
            Path candidate = directory.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** /proc/self belongs to the effective uid of the process reading it. */
    private static boolean currentUidIsRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer value && value == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
