package dev.gannet.runtime.agent;

/**
 * How a turn ended.
 *
 * @param answer the final answer text; empty unless {@code kind} is ANSWER
 * @param detail the error or limit message; empty for an answer
 */
public record TurnOutcome(Kind kind, String answer, String detail, int steps, int promptTokens,
                          int completionTokens, long ms) {
    public enum Kind {
        ANSWER("answer"), ERROR("error"), LIMIT("limit"), CANCELLED("cancelled");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public boolean answered() {
        return kind == Kind.ANSWER;
    }
}
