package dev.gannet.tools.sandbox;

/**
 * The kernel resource limits a command runs under, set with the shell's {@code ulimit} before the
 * command starts (so they bind the command and everything it starts).
 *
 * @param processes       RLIMIT_NPROC: processes of the sandbox user at once; stops fork bombs
 * @param addressSpaceBytes RLIMIT_AS: virtual memory per process
 * @param cpuSeconds      RLIMIT_CPU: CPU time per process; a backstop behind the wall-clock timeout
 * @param fileSizeBytes   RLIMIT_FSIZE: the largest file a process may write
 * @param outputKeptBytes how much output the result keeps, half from the head and half from the tail
 * @param outputKillBytes how much output the command may produce before it is killed
 */
public record ResourceLimits(
        int processes,
        long addressSpaceBytes,
        long cpuSeconds,
        long fileSizeBytes,
        int outputKeptBytes,
        long outputKillBytes) {
}
