package dev.gannet.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gannet} command line. Every failure a user can cause ends as one line on stderr and a
 * non-zero exit; stack traces appear only with GANNET_DEBUG=1. Modules that depend on the runtime
 * add their command groups as {@link CliExtension}s (found with {@link ServiceLoader}).
 */
@Command(name = "gannet",
        mixinStandardHelpOptions = true,
        versionProvider = GannetCli.Version.class,
        description = "A local coding-agent runtime: quantized transformers (GGUF) on this machine.")
public final class GannetCli implements Runnable {
    /**
     * The built-in subcommands, by name, in the order help lists them. A command is added to picocli
     * only when it is the one run (or when all are needed: help, no command, an unknown one): picocli
     * builds each command's model by reflection when it is added, and adding all of them cost every
     * start about 80 ms ({@code generate} reached its model load at 420-440 ms, now 340-360).
     * {@code CliContractTest} checks each name against the class's own {@code @Command}.
     */
    static final List<Map.Entry<String, Class<?>>> BUILT_IN = List.of(
            Map.entry("inspect", InspectCommand.class),
            Map.entry("tokenize", TokenizeCommand.class),
            Map.entry("logits", LogitsCommand.class),
            Map.entry("generate", GenerateCommand.class),
            Map.entry("fuse", FuseCommand.class),
            Map.entry("render", RenderCommand.class),
            Map.entry("parse-calls", ParseCallsCommand.class),
            Map.entry("run", RunCommand.class),
            Map.entry("chat", ChatCommand.class),
            Map.entry("serve", ServeCommand.class),
            Map.entry("sessions", SessionsCommand.class),
            Map.entry("pull", PullCommand.class),
            Map.entry("models", ModelsCommand.class),
            Map.entry("help", CommandLine.HelpCommand.class));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // UTF-8 whatever the locale: prompts and generated text are Unicode, and a POSIX locale would turn
        // every non-ASCII character into '?'.
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs the CLI and returns its exit code; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new GannetCli());
        List<CliExtension> extensions = new ArrayList<>();
        ServiceLoader.load(CliExtension.class).forEach(extensions::add);
        String requested = requestedCommand(args, extensions);
        for (Map.Entry<String, Class<?>> command : BUILT_IN) {
            if (requested == null || requested.equals(command.getKey())) {
                cli.addSubcommand(command.getKey(), command.getValue());
            }
        }
        // Extensions after the built-ins: picocli hands the settings below only to subcommands already added.
        for (CliExtension extension : extensions) {
            if (BUILT_IN.stream().anyMatch(command -> command.getKey().equals(extension.name()))) {
                throw new IllegalStateException("CLI extension " + extension.getClass().getName()
                        + " uses the name '" + extension.name() + "', which is taken");
            }
            if (requested == null || requested.equals(extension.name())) {
                cli.addSubcommand(extension.name(), extension.command());
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("gannet: " + UserErrors.describe(e));
            if ("1".equals(System.getenv("GANNET_DEBUG"))) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * The one subcommand {@code args} runs, or null when every subcommand must be known: no command,
     * options first ({@code --help}), {@code help}, or a name that is not a command (picocli's message
     * then suggests the right one); "" when none is needed ({@code --version}).
     */
    private static String requestedCommand(String[] args, List<CliExtension> extensions) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return ""; // the version alone needs no subcommand (scripts ask for it)
        }
        if (args.length == 0 || args[0].startsWith("-") || args[0].equals("help")) {
            return null;
        }
        boolean known = BUILT_IN.stream().anyMatch(command -> command.getKey().equals(args[0]))
                || extensions.stream().anyMatch(extension -> extension.name().equals(args[0]));
        return known ? args[0] : null;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version filtered into gannet.properties at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = GannetCli.class.getResourceAsStream("/gannet.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"gannet " + properties.getProperty("version", "unknown")
                    + " (Java " + Runtime.version() + ")"};
        }
    }
}
