package dev.gannet.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.kernels.model.KvCacheType;
import dev.gannet.tools.ToolMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How one setting's value is read: from a JSON value (the config file, where types are strict: a port
 * is a number, not a string) or from text (environment variables and flags, where everything is text).
 * Both return null when the value does not fit; {@link #expected()} then says what would.
 */
sealed interface SettingType {
    Object fromJson(JsonNode value);

    Object fromText(String value);

    /** What a valid value is, to finish "… must be " in an error. */
    String expected();

    record Text() implements SettingType {
        @Override
        public Object fromJson(JsonNode value) {
            return value.isTextual() ? fromText(value.textValue()) : null;
        }

        @Override
        public Object fromText(String value) {
            return value.isBlank() ? null : value;
        }

        @Override
        public String expected() {
            return "a non-empty string";
        }
    }

    record WholeNumber(int min, int max) implements SettingType {
        @Override
        public Object fromJson(JsonNode value) {
            return value.canConvertToInt() && value.isIntegralNumber() ? inRange(value.intValue()) : null;
        }

        @Override
        public Object fromText(String value) {
            try {
                return inRange(Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private Integer inRange(int n) {
            return n >= min && n <= max ? n : null;
        }

        @Override
        public String expected() {
            return "a whole number from " + min + " to " + max;
        }
    }

    record Decimal(double min, double max) implements SettingType {
        @Override
        public Object fromJson(JsonNode value) {
            return value.isNumber() ? inRange(value.doubleValue()) : null;
        }

        @Override
        public Object fromText(String value) {
            try {
                return inRange(Double.parseDouble(value.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private Double inRange(double x) {
            return x >= min && x <= max ? x : null;
        }

        @Override
        public String expected() {
            return "a number from " + min + " to " + max;
        }
    }

    /**
     * One of a few names, as a string: {@code parse} turns a name into its value and throws
     * IllegalArgumentException for any other text.
     */
    record Choice(Function<String, ?> parse, String expected) implements SettingType {
        /** The agent's tool mode. */
        static Choice mode() {
            return new Choice(name -> ToolMode.fromWireName(name.strip()), "\"read-only\" or \"workspace-write\"");
        }

        /** How the KV cache stores keys and values. */
        static Choice kvCacheType() {
            return new Choice(KvCacheType::parse, "\"f16\" or \"f32\"");
        }

        @Override
        public Object fromJson(JsonNode value) {
            return value.isTextual() ? fromText(value.textValue()) : null;
        }

        @Override
        public Object fromText(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** A JSON object of names to model references; only the config file can hold one. */
    record Aliases() implements SettingType {
        @Override
        public Object fromJson(JsonNode value) {
            if (!value.isObject()) {
                return null;
            }
            Map<String, String> aliases = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                if (!entry.getValue().isTextual() || entry.getValue().textValue().isBlank() || entry.getKey().isBlank()) {
                    return null;
                }
                aliases.put(entry.getKey(), entry.getValue().textValue());
            }
            return aliases;
        }

        @Override
        public Object fromText(String value) {
            return null;
        }

        @Override
        public String expected() {
            return "an object of names to model references ({\"fast\": \"qwen2.5-0.5b\"}), set in the config file";
        }
    }
}
