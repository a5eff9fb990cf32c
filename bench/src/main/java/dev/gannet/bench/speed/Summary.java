package dev.gannet.bench.speed;

import java.util.Arrays;

/** The median, smallest and largest of a set of measurements. */
public record Summary(double median, double min, double max) {

    /** Summarizes at least one value; the median of an even count is the mean of the middle two. */
    public static Summary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("nothing to summarize");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Summary(median, sorted[0], sorted[sorted.length - 1]);
    }
}
