package dev.gannet.runtime.session;

/**
 * The totals of one turn (a task or a follow-up, and every step the agent took for it).
 *
 * @param outcome {@code answer}, {@code error}, {@code cancelled} or {@code limit}
 */
public record TurnRecord(int steps, int promptTokens, int completionTokens, long ms, String outcome, String model) {
}
