package dev.gannet.runtime.session;

/** What a whole session cost: its turns' totals added up, and how its tool runs went. */
public record SessionTotals(int turns, int steps, long promptTokens, long completionTokens, long ms, int toolRuns,
                            int failedToolRuns) {

    public static SessionTotals of(StoredSession session) {
        int steps = 0;
        long prompt = 0;
        long completion = 0;
        long ms = 0;
        for (TurnRecord turn : session.turns()) {
            steps += turn.steps();
            prompt += turn.promptTokens();
            completion += turn.completionTokens();
            ms += turn.ms();
        }
        int failed = (int) session.toolRuns().stream().filter(run -> !run.ok()).count();
        return new SessionTotals(session.turns().size(), steps, prompt, completion, ms, session.toolRuns().size(), failed);
    }
}
