package dev.gannet.bench.discrimination;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases a {@code --limit} run takes: spread evenly over the suite rather than its first N.
 * Suites are stored grouped (When2Call's file holds its "cannot answer" cases first, the repository
 * suite one category after another), so the first N would test a single category; every k-th case
 * keeps a quick run's mix close to the whole suite's.
 */
public final class CaseSample {
    private CaseSample() {
    }

    /**
     * Case i·size/limit for i = 0 … limit−1, in suite order; the whole list when limit ≥ size.
     *
     * @throws IllegalArgumentException if limit is below 1
     */
    public static <T> List<T> spread(List<T> cases, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
        }
        if (limit >= cases.size()) {
            return cases;
        }
        List<T> picked = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            picked.add(cases.get((int) ((long) i * cases.size() / limit)));
        }
        return List.copyOf(picked);
    }
}
