package dev.gannet.bench.discrimination;

import dev.gannet.runtime.backend.ModelBackend;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a configuration's model comes from: opened only when a case needs it (a resumed run whose
 * cases are all cached loads nothing), and timed as it opens.
 *
 * @param name      the model: a file name, a server URL, script:FILE
 * @param opener    opens the backend; may take long (a model load)
 * @param diskBytes the model file's size plus its adapters', or null where there is none to measure (a server)
 * @param local     whether it runs in this process, so that this process's peak memory is its own
 * @param adapters  LoRA adapters applied at run time, empty for none
 */
public record BackendSource(String name, Supplier<ModelBackend> opener, Long diskBytes, boolean local,
                            List<AdapterSpec> adapters) {
    public BackendSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
        adapters = List.copyOf(adapters);
    }

    /** How tables name it: the model, then its adapters ({@code base.gguf + a.lora.gguf×0.5}). */
    public String label() {
        StringBuilder label = new StringBuilder(name);
        adapters.forEach(adapter -> label.append(" + ").append(adapter.label()));
        return label.toString();
    }

    /** A source without adapters. */
    public BackendSource(String name, Supplier<ModelBackend> opener, Long diskBytes, boolean local) {
        this(name, opener, diskBytes, local, List.of());
    }
}
