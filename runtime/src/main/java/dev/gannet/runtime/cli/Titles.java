package dev.gannet.runtime.cli;

/** A session's title: its first task on one line, short enough for a list. */
final class Titles {
    private static final int MAX = 80;

    private Titles() {
    }

    static String of(String task) {
        String line = task.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
    }
}
