package dev.gannet.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        description = "A local coding-agent runtime: quantized transformers (GGUF) on this machine.",
        subcommands = {
                InspectCommand.class,
                TokenizeCommand.class,
                LogitsCommand.class,
                GenerateCommand.class,
                FuseCommand.class,
                RenderCommand.class,
                ParseCallsCommand.class,
                RunCommand.class,
                ChatCommand.class,
                ServeCommand.class,
                SessionsCommand.class,
                PullCommand.class,
                ModelsCommand.class,
                CommandLine.HelpCommand.class
        })
public final class GannetCli implements Runnable {

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
        // Extensions first: picocli hands the settings below only to subcommands already added.
        for (CliExtension extension : ServiceLoader.load(CliExtension.class)) {
            if (cli.getSubcommands().containsKey(extension.name())) {
                throw new IllegalStateException("CLI extension " + extension.getClass().getName()
                        + " uses the name '" + extension.name() + "', which is taken");
            }
            cli.addSubcommand(extension.name(), extension.command());
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
