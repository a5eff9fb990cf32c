package dev.gannet.kernels.model;

/**
 * cos and sin of each rotated pair's angle at every position of one batch: filled once per forward
 * pass by the first layer of its kind (global or sliding) and read by every head of every layer of
 * that kind. Long-lived, one per kind in {@link ForwardState}, so decode allocates nothing for it.
 */
final class RopeTable {
    private final int pairs;
    /** [batch][pairs] */
    final float[] cos;
    /** [batch][pairs] */
    final float[] sin;
    private boolean filled;

    RopeTable(int maxBatch, int pairs) {
        this.pairs = pairs;
        this.cos = new float[maxBatch * pairs];
        this.sin = new float[maxBatch * pairs];
    }

    int pairs() {
        return pairs;
    }

    /** Marks the table stale: a new forward pass begins. */
    void invalidate() {
        filled = false;
    }

    /**
     * Fills rows 0 .. count - 1 for positions start .. start + count - 1, unless already filled in
     * this pass. The angle is position · frequency in double, as the per-head computation had it.
     */
    void fillOnce(float[] frequencies, int start, int count) {
        if (filled) {
            return;
        }
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < pairs; i++) {
                double angle = (start + t) * (double) frequencies[i];
                cos[t * pairs + i] = (float) Math.cos(angle);
                sin[t * pairs + i] = (float) Math.sin(angle);
            }
        }
        filled = true;
    }
}
