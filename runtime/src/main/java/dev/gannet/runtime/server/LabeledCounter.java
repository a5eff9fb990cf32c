package dev.gannet.runtime.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus counter with a fixed list of label names: one running total per combination of values. */
final class LabeledCounter {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, LongAdder> totals = new ConcurrentHashMap<>();

    LabeledCounter(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    void add(long amount, String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames);
        }
        totals.computeIfAbsent(List.of(labelValues), k -> new LongAdder()).add(amount);
    }

    void increment(String... labelValues) {
        add(1, labelValues);
    }

    long value(String... labelValues) {
        LongAdder adder = totals.get(List.of(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    void writeTo(PrometheusText out) {
        out.header(name, help, "counter");
        // Sorted so that the text is stable from one scrape to the next (easier to read and to diff).
        Map<String, Long> lines = new TreeMap<>();
        totals.forEach((values, adder) -> lines.put(PrometheusText.labels(labelNames, values), adder.sum()));
        if (lines.isEmpty() && labelNames.isEmpty()) {
            out.sample(name, "", 0);
        }
        lines.forEach((labels, value) -> out.sample(name, labels, value));
    }
}
