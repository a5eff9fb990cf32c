package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Strict JSON parsing whose failure is a value, with a message short enough to show a model. */
final class JsonText {
    /** Strict: one value, nothing after it (Jackson ignores trailing text by default). */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonText() {
    }

    /** The outcome of parsing: a value, or why there is none. */
    sealed interface Parsed {
    }

    record Valid(JsonNode value) implements Parsed {
    }

    record Invalid(String problem) implements Parsed {
    }

    static Parsed parse(String text) {
        if (text.isBlank()) {
            return new Invalid("there was no JSON at all");
        }
        try {
            return new Valid(STRICT.readTree(text));
        } catch (JsonProcessingException e) {
            return new Invalid(describe(e));
        }
    }

    /** Jackson's own message without its source dump, plus where: "Unexpected character ... at line 1, column 9". */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return message;
    }
}
