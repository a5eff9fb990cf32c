package dev.gannet.tools.sandbox;

import java.time.Duration;

/**
 * How a command ended.
 *
 * @param exitStatus      the exit status bubblewrap (or the shell) reported; 128+N for a signal
 * @param timedOut        whether it was killed at the time limit
 * @param outputLimitHit  whether it was killed for producing too much output
 * @param output          its output (stdout and stderr interleaved), head and tail if it was long
 * @param outputBytes     how many bytes of output it produced before it ended or was killed
 * @param outputTruncated whether {@code output} leaves out a middle part
 * @param duration        wall-clock time from start to end
 */
public record CommandOutcome(int exitStatus, boolean timedOut, boolean outputLimitHit, String output,
        long outputBytes, boolean outputTruncated, Duration duration) {
}
