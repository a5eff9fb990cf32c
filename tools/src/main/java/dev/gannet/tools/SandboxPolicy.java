package dev.gannet.tools;

/**
 * How {@code run_command} may run a command. The default requires bubblewrap and refuses to run
 * anything without it; running unsandboxed happens only when a user chose it explicitly, and every
 * such result carries a warning.
 */
public enum SandboxPolicy {
    /** Run under bubblewrap; without it, refuse with a message saying how to install it. */
    BUBBLEWRAP_REQUIRED("bubblewrap"),
    /** Run directly in the workspace, with only resource limits and a cleared environment. */
    UNSANDBOXED_BY_USER_REQUEST("unsandboxed");

    private final String wireName;

    SandboxPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
