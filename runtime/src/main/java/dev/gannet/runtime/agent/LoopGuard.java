package dev.gannet.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a model from making the same tool call over and over (the seeds' model ran one grep more
 * than twenty times). A call is the same when its name and its arguments (compared as JSON, key
 * order ignored) are. The repeat is not run; the model is told why and where the result already is.
 * One per turn.
 */
final class LoopGuard {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Map<String, Integer> firstStepOfCall = new HashMap<>();
    private int repeats;

    /**
     * Registers a call made at {@code step}; when it was made before, returns the message the model
     * gets instead of a result.
     */
    Optional<String> check(String name, JsonNode arguments, int step) {
        String key = name + " " + canonical(arguments);
        Integer first = firstStepOfCall.putIfAbsent(key, step);
        if (first == null) {
            return Optional.empty();
        }
        repeats++;
        return Optional.of("Not run: " + name + " was already called with exactly these arguments at step "
                + first + ", and its result is above. Do not repeat a call; use that result, try something "
                + "different, or answer the user now.");
    }

    /** How many repeated calls were refused this turn. */
    int repeats() {
        return repeats;
    }

    private static String canonical(JsonNode arguments) {
        try {
            Object plain = CANONICAL.treeToValue(arguments, Object.class);
            return CANONICAL.writeValueAsString(plain);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return arguments.toString();
        }
    }
}
