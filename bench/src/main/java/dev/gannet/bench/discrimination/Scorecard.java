package dev.gannet.bench.discrimination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of one configuration over a suite (definitions in docs/bench.md, "Metrics").
 *
 * @param accuracy      cases whose decision satisfies the expectation
 * @param toolPrecision of the cases where the model called a tool, those that expected one
 * @param toolRecall    of the cases that expected a tool, those where the model called one
 * @param byCategory    accuracy per category, categories sorted by name
 * @param rightTool     of the cases that expected a named tool and got a call, those calling one of the named
 * @param validCalls    of all calls, those that parsed and satisfied the schema
 * @param arguments     of the cases with ground truth where the model validly called an expected tool,
 *                      those whose arguments match it
 * @param errors        cases the backend failed on
 * @param meanLatencyMillis   mean wall time per case
 * @param medianLatencyMillis median wall time per case
 * @param work                prompt tokens evaluated, tokens generated and their times, over all cases
 */
public record Scorecard(Tally accuracy, Tally toolPrecision, Tally toolRecall, Map<String, Tally> byCategory,
                        Tally rightTool, Tally validCalls, Tally arguments, int errors, double meanLatencyMillis,
                        double medianLatencyMillis, ModelWork work) {

    /** Tokens generated over all cases. */
    public long generatedTokens() {
        return work.generatedTokens();
    }

    public static Scorecard of(List<BenchCase> cases, Map<String, Observation> observations) {
        Tally accuracy = Tally.NONE, precision = Tally.NONE, recall = Tally.NONE;
        Tally rightTool = Tally.NONE, valid = Tally.NONE, arguments = Tally.NONE;
        Map<String, Tally> byCategory = new TreeMap<>();
        List<Double> latencies = new ArrayList<>();
        int errors = 0;
        ModelWork work = ModelWork.NONE;
        for (BenchCase benchCase : cases) {
            Observation seen = observations.get(benchCase.id());
            if (seen == null) {
                continue;
            }
            boolean correct = seen.satisfies(benchCase.expected());
            boolean wantsTool = benchCase.expected() == Decision.TOOL;
            accuracy = accuracy.plus(correct);
            byCategory.merge(benchCase.category(), Tally.NONE.plus(correct),
                    (a, b) -> new Tally(a.hits() + b.hits(), a.total() + b.total()));
            if (seen.calledTool()) {
                precision = precision.plus(wantsTool);
                valid = valid.plus(seen.argumentsValid());
                if (wantsTool && !benchCase.expectedTools().isEmpty()) {
                    boolean right = benchCase.expectedTools().contains(seen.tool());
                    rightTool = rightTool.plus(right);
                    if (right && seen.argumentsCorrect() != null) {
                        arguments = arguments.plus(seen.argumentsCorrect());
                    }
                }
            }
            if (wantsTool) {
                recall = recall.plus(seen.calledTool());
            }
            if (seen.decision() == Decision.ERROR) {
                errors++;
            }
            latencies.add(seen.latencyMillis());
            work = work.plus(seen.work());
        }
        return new Scorecard(accuracy, precision, recall, byCategory, rightTool, valid, arguments, errors,
                mean(latencies), median(latencies), work);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
