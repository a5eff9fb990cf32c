package dev.gannet.bench.discrimination;

/** A count of hits out of a total; the rate is absent (null) when nothing was counted. */
public record Tally(int hits, int total) {
    public static final Tally NONE = new Tally(0, 0);

    public Tally plus(boolean hit) {
        return new Tally(hits + (hit ? 1 : 0), total + 1);
    }

    /** hits / total, or null when the total is 0 (a rate of nothing is not 0%). */
    public Double rate() {
        return total == 0 ? null : (double) hits / total;
    }
}
