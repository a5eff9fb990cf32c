package dev.gannet.bench.discrimination.suite;

import dev.gannet.bench.discrimination.BenchCase;
import dev.gannet.bench.discrimination.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The suites by name ({@code seed}, {@code repo}, the BFCL categories, {@code when2call}), or a case
 * file by path. Datasets are read from a datasets folder holding {@code bfcl/} and {@code when2call/}.
 */
public final class Suites {
    private static final Map<String, BfclSuite> BFCL = new LinkedHashMap<>();

    static {
        BFCL.put("bfcl-irrelevance", new BfclSuite("BFCL_v4_irrelevance.json", Decision.DIRECT, "irrelevance"));
        BFCL.put("bfcl-live-irrelevance",
                new BfclSuite("BFCL_v4_live_irrelevance.json", Decision.DIRECT, "live_irrelevance"));
        BFCL.put("bfcl-live-relevance", new BfclSuite("BFCL_v4_live_relevance.json", Decision.TOOL, "live_relevance"));
        BFCL.put("bfcl-simple", new BfclSuite("BFCL_v4_simple_python.json", Decision.TOOL, "simple"));
        BFCL.put("bfcl-live-simple", new BfclSuite("BFCL_v4_live_simple.json", Decision.TOOL, "live_simple"));
        BFCL.put("bfcl-multiple", new BfclSuite("BFCL_v4_multiple.json", Decision.TOOL, "multiple"));
    }

    private Suites() {
    }

    /** Every suite name, in the order help text lists them. */
    public static List<String> names() {
        return Stream.concat(Stream.of("seed", "repo"),
                Stream.concat(BFCL.keySet().stream(), Stream.of("when2call"))).toList();
    }

    /**
     * @param nameOrFile a suite name or a case file's path
     * @param datasets   the folder with {@code bfcl/} and {@code when2call/}
     */
    public static List<BenchCase> load(String nameOrFile, Path datasets) {
        if (nameOrFile.equals("seed") || nameOrFile.equals("repo")) {
            return bundled(nameOrFile);
        }
        BfclSuite bfcl = BFCL.get(nameOrFile);
        if (bfcl != null) {
            return bfcl.load(datasets.resolve("bfcl"));
        }
        if (nameOrFile.equals("when2call")) {
            return When2CallSuite.load(datasets.resolve("when2call"));
        }
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return CaseFile.read(file);
        }
        throw new IllegalArgumentException("unknown suite '" + nameOrFile + "': not one of " + names()
                + " and not a case file");
    }

    /** The datasets folder: the given one, or {@code shared/datasets} beside the checkout. */
    public static Path datasets(Path given) {
        if (given != null) {
            return given;
        }
        for (Path candidate : List.of(Path.of("../shared/datasets"), Path.of("../../shared/datasets"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return Path.of("../shared/datasets");
    }

    private static List<BenchCase> bundled(String name) {
        String path = "/dev/gannet/bench/discrimination/suites/" + name + ".jsonl";
        try (InputStream in = Suites.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new CaseFormatException("missing bundled suite " + path);
            }
            return CaseFile.read(name + ".jsonl", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CaseFormatException("cannot read the bundled suite " + path + ": " + e.getMessage());
        }
    }
}
