package dev.gannet.bench.discrimination.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file of one JSON value a line (BFCL's ".json" files are these too); blank lines skipped. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** A line and where it came from, for messages. */
    record Line(JsonNode value, String where) {
    }

    static List<Line> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new CaseFormatException("cannot read " + file + ": " + e.getMessage());
        }
        List<Line> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            try {
                values.add(new Line(JSON.readTree(lines.get(i)), where));
            } catch (JsonProcessingException e) {
                throw new CaseFormatException(where + ": not JSON (" + e.getOriginalMessage() + ")");
            }
        }
        return values;
    }

    static JsonNode parse(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CaseFormatException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
