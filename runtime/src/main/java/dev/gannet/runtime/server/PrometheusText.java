package dev.gannet.runtime.server;

import java.util.List;

/** Writes Prometheus' text exposition format (version 0.0.4): HELP and TYPE lines, then samples. */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    void header(String name, String help, String type) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String name, String labels, double value) {
        text.append(name).append(labels).append(' ').append(format(value)).append('\n');
    }

    void gauge(String name, String help, double value) {
        header(name, help, "gauge");
        sample(name, "", value);
    }

    void counter(String name, String help, double value) {
        header(name, help, "counter");
        sample(name, "", value);
    }

    /** {@code {a="x",b="y"}}, or nothing when there are no labels. */
    static String labels(List<String> names, List<String> values) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(names.get(i)).append("=\"").append(escape(values.get(i))).append('"');
        }
        return out.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
