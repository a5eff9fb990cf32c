package dev.gannet.bench.discrimination;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observations of one run (a configuration on a suite), one JSON line per finished case in
 * {@code OUT/cache/KEY.jsonl}, written as each case ends so an interrupted run resumes where it
 * stopped. A torn last line (the process killed mid-write) is ignored and that case runs again.
 */
final class ResultCache implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Observation> done = new LinkedHashMap<>();
    private final BufferedWriter writer;

    ResultCache(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    read(line);
                }
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            // A torn line has no newline after it: start ours on a fresh line.
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the result cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void read(String line) {
        if (line.isBlank()) {
            return;
        }
        try {
            Observation observation = Observation.fromJson(JSON.readTree(line));
            done.put(observation.caseId(), observation);
        } catch (IOException | IllegalArgumentException e) {
            // Torn or foreign: the case simply runs again.
        }
    }

    Map<String, Observation> done() {
        return Map.copyOf(done);
    }

    void put(Observation observation) {
        done.put(observation.caseId(), observation);
        try {
            writer.write(observation.toJson().toString());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result cache: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // Every line was flushed as it was written.
        }
    }
}
