package dev.gannet.bench.discrimination;

import dev.gannet.runtime.backend.ModelBackend;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a configuration's model comes from: opened only when a case needs it (a resumed run whose
 * cases are all cached loads nothing), and timed as it opens.
 *
 * @param name      how tables name it (a file name, a server URL, script:FILE)
 * @param opener    opens the backend; may take long (a model load)
 * @param diskBytes the model file's size, or null where there is none to measure (a server)
 * @param local     whether it runs in this process, so that this process's peak memory is its own
 */
public record BackendSource(String name, Supplier<ModelBackend> opener, Long diskBytes, boolean local) {
    public BackendSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }
}
