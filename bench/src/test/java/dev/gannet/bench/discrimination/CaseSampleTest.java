package dev.gannet.bench.discrimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gannet.bench.discrimination.suite.Suites;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** --limit takes cases spread over the suite, so a quick run meets every category. */
class CaseSampleTest {

    @Test
    void takesEveryKthCaseInSuiteOrder() {
        List<Integer> ten = IntStream.range(0, 10).boxed().toList();
        assertEquals(List.of(0, 2, 4, 6, 8), CaseSample.spread(ten, 5));
        assertEquals(List.of(0, 3, 6), CaseSample.spread(ten, 3));
        assertEquals(List.of(0), CaseSample.spread(ten, 1));
        assertSame(ten, CaseSample.spread(ten, 10));
        assertSame(ten, CaseSample.spread(ten, 50));
        assertThrows(IllegalArgumentException.class, () -> CaseSample.spread(ten, 0));
    }

    @Test
    void aQuickWhen2CallRunMeetsAllThreeCategoriesEqually() {
        List<BenchCase> all = Suites.load("when2call", DiscriminationSuitesTest.DATASETS);
        // The file is stored category by category: its first 30 cases are all one category.
        assertEquals(1, categories(all.subList(0, 30)).size());
        Map<String, Long> sampled = categories(CaseSample.spread(all, 30));
        assertEquals(3, sampled.size(), sampled.toString());
        sampled.values().forEach(count -> assertEquals(10, count, sampled.toString()));
    }

    @Test
    void aQuickRepoRunMeetsEveryCategory() {
        List<BenchCase> all = Suites.load("repo", DiscriminationSuitesTest.DATASETS);
        assertEquals(categories(all).keySet(), categories(CaseSample.spread(all, 12)).keySet());
    }

    private static Map<String, Long> categories(List<BenchCase> cases) {
        return cases.stream().collect(Collectors.groupingBy(BenchCase::category, TreeMap::new, Collectors.counting()));
    }
}
