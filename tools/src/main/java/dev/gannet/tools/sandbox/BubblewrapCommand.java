package dev.gannet.tools.sandbox;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bubblewrap command line for one sandboxed command. Pure: it only assembles arguments, so
 * every flag can be checked by a test without running anything.
 *
 * <p>What the sandbox is made of, and why:
 * <ul>
 * <li>{@code --unshare-net}: a network namespace with only a loopback that is down; no host port,
 *     loopback included, can be reached.
 * <li>{@code --unshare-pid}, {@code --die-with-parent}: the command runs under bubblewrap's own
 *     init as PID 1 of a new namespace. Killing bubblewrap kills that init, and the kernel then
 *     kills every process in the namespace, so a timeout stops the whole tree, daemons included,
 *     and no process outlives its call.
 * <li>{@code --unshare-ipc}, {@code --unshare-uts}, {@code --unshare-cgroup-try}: nothing shared
 *     with the host's System V IPC, hostname or cgroup view.
 * <li>{@code --new-session}: a new session, so the command cannot push input into a terminal.
 * <li>Filesystem: {@code /usr}, {@code /etc} and the other system directories read-only (links
 *     such as {@code /bin -> usr/bin} recreated), a fresh {@code /proc} (of the new PID namespace
 *     only), a minimal {@code /dev}, an empty {@code /tmp}, and the workspace at its own path,
 *     read-only or read-write by mode. Its {@code .git} stays read-only in either mode. Nothing else
 *     of the host exists inside: not the home directories, not the parent of the workspace.
 *     What under /etc only some users may read (password hashes, private keys) is masked.
 * <li>User: when this process is not root, {@code --unshare-user} maps the caller's uid into a new
 *     user namespace (the only way an unprivileged bubblewrap works). When it is root, there is no
 *     user namespace: the kernel exempts uid 0 from RLIMIT_NPROC ({@code copy_process} in
 *     kernel/fork.c), so a fork bomb run as root, even as root in a user namespace mapped to root,
 *     would meet no process limit. Instead bubblewrap keeps only the capabilities needed to change
 *     uid, and {@code setpriv} drops to uid/gid 65534 ({@code nobody}) before the shell starts,
 *     keeping one capability so that the root-owned workspace works: CAP_DAC_READ_SEARCH (read any
 *     file) in read-only mode, CAP_DAC_OVERRIDE (read and write any file) in workspace-write mode.
 *     The read-only mounts, not file permissions, keep the rest of the system unwritable, and every
 *     file or directory under /etc that not all users may read is masked, so the capability reads
 *     no more of the system than any user could.
 * </ul>
 */
public final class BubblewrapCommand {
    /** The uid and gid a command runs as when the runtime itself runs as root. */
    public static final int UNPRIVILEGED_ID = 65534;

    private BubblewrapCommand() {
    }

    public static List<String> argv(HostLayout host, Path bubblewrap, CommandRequest request) {
        List<String> argv = new ArrayList<>();
        argv.add(bubblewrap.toString());
        argv.addAll(namespaceFlags(host));
        argv.addAll(filesystemFlags(host, request.workspace(), request.writable()));
        argv.add("--chdir");
        argv.add(request.workspace().toString());
        argv.addAll(capabilityFlags(host, request.writable()));
        argv.add("--");
        argv.addAll(dropRoot(host, request.writable()));
        argv.addAll(LimitedShell.argv(host.shell(), request.limits(), request.command()));
        return argv;
    }

    /** A command that sets up the same sandbox and runs {@code true}: proof bubblewrap works here. */
    public static List<String> probeArgv(HostLayout host, Path bubblewrap, Path workspace) {
        List<String> argv = new ArrayList<>();
        argv.add(bubblewrap.toString());
        argv.addAll(namespaceFlags(host));
        argv.addAll(filesystemFlags(host, workspace, false));
        argv.addAll(capabilityFlags(host, false));
        argv.add("--");
        argv.addAll(dropRoot(host, false));
        argv.add(host.shell().toString());
        argv.add("-c");
        argv.add("exit 0");
        return argv;
    }

    private static List<String> namespaceFlags(HostLayout host) {
        List<String> flags = new ArrayList<>();
        if (!host.runningAsRoot()) {
            flags.add("--unshare-user");
        }
        flags.addAll(List.of("--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                "--unshare-cgroup-try", "--die-with-parent", "--new-session"));
        return flags;
    }

    private static List<String> filesystemFlags(HostLayout host, Path workspace, boolean writable) {
        List<String> flags = new ArrayList<>();
        for (HostLayout.SystemPath system : host.systemPaths()) {
            if (system.linkTarget().isPresent()) {
                flags.addAll(List.of("--symlink", system.linkTarget().get(), system.path().toString()));
            } else {
                flags.addAll(List.of("--ro-bind", system.path().toString(), system.path().toString()));
            }
        }
        for (Path secret : host.maskedFiles()) {
            // A device node on a nodev mount: opening it fails, so the file reads as nothing at all.
            flags.addAll(List.of("--ro-bind", "/dev/null", secret.toString()));
        }
        for (Path secret : host.maskedDirectories()) {
            flags.addAll(List.of("--tmpfs", secret.toString(), "--remount-ro", secret.toString()));
        }
        flags.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        String root = workspace.toString();
        flags.addAll(List.of(writable ? "--bind" : "--ro-bind", root, root));
        Path git = workspace.resolve(".git");
        if (writable && Files.exists(git, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(git)) {
            flags.addAll(List.of("--ro-bind", git.toString(), git.toString()));
        }
        return flags;
    }

    private static List<String> capabilityFlags(HostLayout host, boolean writable) {
        if (!host.runningAsRoot()) {
            return List.of(); // an unprivileged bubblewrap gives the command no capabilities at all
        }
        return List.of("--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
                "--cap-add", "CAP_SETPCAP", "--cap-add", fileCapability(writable).toUpperCase(Locale.ROOT));
    }

    private static List<String> dropRoot(HostLayout host, boolean writable) {
        if (!host.runningAsRoot()) {
            return List.of();
        }
        String keep = fileCapability(writable).substring("cap_".length());
        return List.of(
                host.setpriv().orElseThrow().toString(),
                "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups",
                "--no-new-privs",
                "--inh-caps=-all,+" + keep,
                "--ambient-caps=+" + keep,
                "--bounding-set=-all,+" + keep,
                "--");
    }

    /**
     * The one capability the unprivileged user keeps when the runtime is root: enough to read a
     * root-owned workspace ({@code cap_dac_read_search}), or to write it too ({@code cap_dac_override}).
     */
    private static String fileCapability(boolean writable) {
        return writable ? "cap_dac_override" : "cap_dac_read_search";
    }
}
