package dev.gannet.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gannet.runtime.models.InstalledModel;
import dev.gannet.runtime.models.ModelDescription;
import dev.gannet.runtime.models.ModelException;
import dev.gannet.runtime.models.ModelInspector;
import dev.gannet.runtime.models.ModelStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gannet models}: the installed models and aliases; {@code alias} and {@code rm} edit them. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List installed models: architecture, parameters, tensor types, size, context, chat template, tool-call format.",
        subcommands = {ModelsCommand.Alias.class, ModelsCommand.Remove.class})
final class ModelsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    ModelStoreOptions options;

    @Option(names = "--json", description = "print JSON: {\"models\": [...], \"aliases\": {...}}")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelStore store = options.store();
        List<ModelDescription> models = store.list().stream().map(ModelInspector::describe).toList();
        Map<String, String> aliases = store.aliases();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("models", models);
            document.put("aliases", aliases);
            out.println(JSON.writeValueAsString(document));
        } else if (models.isEmpty() && aliases.isEmpty()) {
            out.println("no models installed in " + store.directory() + " (gannet pull smollm2 fetches the default)");
        } else {
            printTable(out, models);
            aliases.forEach((alias, target) -> out.println("alias " + alias + " -> " + target));
        }
        out.flush();
        return 0;
    }

    private static void printTable(PrintWriter out, List<ModelDescription> models) {
        String format = "%-24s %-10s %9s %-40s %9s %8s %-22s %s%n";
        out.printf(format, "NAME", "ARCH", "PARAMS", "TENSOR TYPES", "SIZE", "CONTEXT", "CHAT TEMPLATE", "TOOL CALLS");
        for (ModelDescription m : models) {
            if (m.error() != null) {
                out.printf("%-24s unreadable: %s%n", m.name(), m.error());
                continue;
            }
            String types = m.tensorTypes().entrySet().stream().map(e -> e.getKey() + "x" + e.getValue())
                    .collect(Collectors.joining(","));
            String family = m.templateFamily() == null ? "unknown" : m.templateFamily();
            String template = m.ownTemplate() ? "own (" + family + ")" : "built-in " + family;
            out.printf(format, m.name(), m.architecture(), count(m.parameters()), types, megabytes(m.sizeBytes()),
                    m.contextLength() < 0 ? "?" : Long.toString(m.contextLength()), template, m.toolCallFormat());
        }
    }

    private static String count(long n) {
        return n >= 1_000_000_000L ? String.format("%.2fB", n / 1e9)
                : n >= 1_000_000L ? String.format("%.1fM", n / 1e6)
                : n >= 1_000L ? String.format("%.1fK", n / 1e3) : Long.toString(n);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    /** {@code gannet models alias NAME REFERENCE}. */
    @Command(name = "alias", mixinStandardHelpOptions = true,
            description = "Give a model another name: REFERENCE is an installed or catalog model, a GGUF path or hf:…")
    static final class Alias implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "REFERENCE")
        String reference;

        @Mixin
        ModelStoreOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            options.store().setAlias(name, reference);
            spec.commandLine().getOut().println("alias " + name + " -> " + reference);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code gannet models rm NAME}. */
    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove an installed model or an alias.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        ModelStoreOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModelStore store = options.store();
            boolean model = store.remove(name);
            boolean alias = store.removeAlias(name);
            if (!model && !alias) {
                throw new ModelException("no installed model or alias called '" + name + "' in " + store.directory());
            }
            spec.commandLine().getOut().println("removed " + (model ? "model " : "alias ") + name);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
