package dev.gannet.bench.discrimination;

import java.util.Optional;

/** Turns a case's first move and its cost into an {@link Observation}, checking the arguments where truth exists. */
public final class Classifier {
    private Classifier() {
    }

    /**
     * @param answer the final answer (for a whole-loop run, the loop's; otherwise the first turn's text)
     */
    public static Observation observe(BenchCase benchCase, FirstMove move, String answer, double latencyMillis,
                                      ModelWork work, int steps) {
        return switch (move) {
            case FirstMove.Answer text -> new Observation(benchCase.id(), AnswerKinds.classify(text.text()), null, null,
                    false, null, null, answer, latencyMillis, work, steps);
            case FirstMove.Call call -> {
                Boolean correct = null;
                String note = call.problem();
                if (call.valid() && benchCase.possibleAnswer() != null) {
                    Optional<String> mismatch =
                            ArgumentChecker.mismatch(call.name(), call.arguments(), benchCase.possibleAnswer());
                    correct = mismatch.isEmpty();
                    note = mismatch.orElse(null);
                }
                yield new Observation(benchCase.id(), Decision.TOOL, call.name(), call.arguments(), call.valid(),
                        correct, note, answer, latencyMillis, work, steps);
            }
        };
    }
}
