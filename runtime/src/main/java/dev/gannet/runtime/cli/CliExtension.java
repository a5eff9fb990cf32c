package dev.gannet.runtime.cli;

/**
 * A command group that another module adds to {@code gannet} without the runtime naming it: the
 * module declares its implementation in {@code META-INF/services/dev.gannet.runtime.cli.CliExtension}
 * and {@link GannetCli} loads every one with {@link java.util.ServiceLoader} at startup. This is how
 * {@code bench} (which depends on runtime, not the other way round) contributes {@code gannet bench}.
 *
 * <p>Implementations need a public no-argument constructor and should do no work in it: they are
 * created on every start of the CLI, whatever command runs.
 */
public interface CliExtension {

    /** The subcommand name under {@code gannet}, e.g. {@code bench}; must not clash with a built-in one. */
    String name();

    /**
     * A fresh picocli command object (a class annotated with {@code @Command}, with its own
     * subcommands if it is a group). Its failures reach the user as every other command's do: one
     * line on stderr and exit status 1.
     */
    Object command();
}
