package dev.gannet.tools.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * @param secretFiles   files under /etc that are masked inside the sandbox when present
 * @param secretDirectories directories under /etc hidden behind an empty tmpfs when present
 */
public record HostLayout(
        boolean runningAsRoot,
        Optional<Path> bubblewrap,
        Optional<Path> setpriv,
        Path shell,
        List<SystemPath> systemPaths,
        List<Path> secretFiles,
        List<Path> secretDirectories) {

    /** A top-level directory bound read-only, or a symbolic link recreated as it is on the host. */
    public record SystemPath(Path path, Optional<String> linkTarget) {
    }

    /** Where programs are looked for when PATH says nothing useful. */
    public static final List<Path> STANDARD_BINARY_DIRECTORIES =
            List.of(Path.of("/usr/local/bin"), Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"), Path.of("/sbin"));

    private static final List<String> SYSTEM_PATHS =
            List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc");
    private static final List<String> SECRET_FILES =
            List.of("/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/sudoers", "/etc/security/opasswd");
    private static final List<String> SECRET_DIRECTORIES = List.of("/etc/ssh", "/etc/sudoers.d", "/etc/ssl/private");

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
        List<Path> secrets = SECRET_FILES.stream().map(Path::of)
                .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        List<Path> secretDirectories = SECRET_DIRECTORIES.stream().map(Path::of)
                .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        return new HostLayout(currentUidIsRoot(), find("bwrap", searchPath), find("setpriv", searchPath),
                shell, List.copyOf(system), secrets, secretDirectories);
    }

    /** The same host with bubblewrap missing; what a machine without it looks like. */
    public HostLayout withoutBubblewrap() {
        return new HostLayout(runningAsRoot, Optional.empty(), setpriv, shell, systemPaths, secretFiles, secretDirectories);
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
