package dev.gannet.runtime.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything configuration is read from, passed in rather than read from the JVM, so that tests (and
 * embedders) decide it.
 *
 * @param environment the environment variables (only {@code GANNET_*} ones are read)
 * @param home        the user's home directory: where {@code ~} points and the default data directory lives
 * @param processors  the number of processors, the default for {@code threads}
 * @param configFile  the config file named on the command line ({@code --config}), or null
 * @param flags       settings given on the command line, by their config-file key ({@code port} → {@code 9000})
 */
public record ConfigSources(Map<String, String> environment, Path home, int processors, Path configFile,
                            Map<String, String> flags) {
    public ConfigSources {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(home, "home");
        flags = Map.copyOf(flags);
    }

    /** This process's environment, home directory and processors, plus what the command line gave. */
    public static ConfigSources ofThisProcess(Path configFile, Map<String, String> flags) {
        return new ConfigSources(System.getenv(), Path.of(System.getProperty("user.home")),
                Runtime.getRuntime().availableProcessors(), configFile, flags);
    }
}
