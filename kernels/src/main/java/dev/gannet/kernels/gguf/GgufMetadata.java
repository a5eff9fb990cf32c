package dev.gannet.kernels.gguf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The key/value metadata of a GGUF file, in file order, with typed getters that fail with a
 * {@link GgufFormatException} naming the file and the key when a value is missing or of the wrong
 * type. Integer scalars are held as {@link Long} (uint64 values above {@code Long.MAX_VALUE} keep
 * their bits), floats as {@link Float} or {@link Double}, booleans as {@link Boolean}, strings as
 * {@link String}, arrays as {@link GgufArray}.
 */
public final class GgufMetadata {
    private final String source;
    private final Map<String, Object> values;
    private final Map<String, GgufValueType> types;

    GgufMetadata(String source, LinkedHashMap<String, Object> values, LinkedHashMap<String, GgufValueType> types) {
        this.source = source;
        this.values = Collections.unmodifiableMap(values);
        this.types = Collections.unmodifiableMap(types);
    }

    /** Every key and its value, in file order. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The on-disk type of a key's value. */
    public Optional<GgufValueType> typeOf(String key) {
        return Optional.ofNullable(types.get(key));
    }

    public Optional<Object> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Optional<String> findString(String key) {
        return find(key).map(value -> expect(key, value, String.class, "a string"));
    }

    public String getString(String key) {
        return findString(key).orElseThrow(() -> missing(key));
    }

    public Optional<Long> findLong(String key) {
        return find(key).map(value -> expect(key, value, Long.class, "an integer"));
    }

    public OptionalInt findInt(String key) {
        Optional<Long> value = findLong(key);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        long v = value.get();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new GgufFormatException(source, "metadata key " + GgufFormatException.quote(key) + " = " + v + " is out of range");
        }
        return OptionalInt.of((int) v);
    }

    public int getInt(String key) {
        return findInt(key).orElseThrow(() -> missing(key));
    }

    /** A float, accepting any numeric type (some converters write integers where floats belong). */
    public OptionalDouble findDouble(String key) {
        Optional<Object> value = find(key);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (value.get() instanceof Number number) {
            return OptionalDouble.of(number.doubleValue());
        }
        throw wrongType(key, value.get(), "a number");
    }

    public float getFloat(String key) {
        return (float) findDouble(key).orElseThrow(() -> missing(key));
    }

    public Optional<Boolean> findBoolean(String key) {
        return find(key).map(value -> expect(key, value, Boolean.class, "a boolean"));
    }

    public Optional<GgufArray> findArray(String key) {
        return find(key).map(value -> expect(key, value, GgufArray.class, "an array"));
    }

    public GgufArray getArray(String key) {
        return findArray(key).orElseThrow(() -> missing(key));
    }

    public Optional<String[]> findStringArray(String key) {
        return findArray(key).map(array -> arrayValues(key, array, String[].class, "strings"));
    }

    public Optional<float[]> findFloatArray(String key) {
        return findArray(key).map(array -> arrayValues(key, array, float[].class, "float32 values"));
    }

    /** An integer array of any width as {@code int[]}, range-checked. */
    public Optional<int[]> findIntArray(String key) {
        return findArray(key).map(array -> switch (array.values()) {
            case int[] ints -> ints;
            case long[] longs -> {
                int[] ints = new int[longs.length];
                for (int i = 0; i < longs.length; i++) {
                    if (longs[i] < Integer.MIN_VALUE || longs[i] > Integer.MAX_VALUE) {
                        throw new GgufFormatException(source, "metadata key " + GgufFormatException.quote(key) + " holds " + longs[i]
                                + " at index " + i + ", out of range");
                    }
                    ints[i] = (int) longs[i];
                }
                yield ints;
            }
            default -> throw new GgufFormatException(source, "metadata key " + GgufFormatException.quote(key)
                    + " should be an array of integers, but is " + array);
        });
    }

    public String source() {
        return source;
    }

    public GgufFormatException missing(String key) {
        return new GgufFormatException(source, "metadata key " + GgufFormatException.quote(key) + " is missing");
    }

    private <T> T expect(String key, Object value, Class<T> type, String description) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw wrongType(key, value, description);
    }

    private <T> T arrayValues(String key, GgufArray array, Class<T> type, String description) {
        if (type.isInstance(array.values())) {
            return type.cast(array.values());
        }
        throw new GgufFormatException(source, "metadata key " + GgufFormatException.quote(key) + " should be an array of "
                + description + ", but is " + array);
    }

    private GgufFormatException wrongType(String key, Object value, String description) {
        String actual = types.containsKey(key) ? types.get(key).name().toLowerCase() : value.getClass().getSimpleName();
        return new GgufFormatException(source, "metadata key " + GgufFormatException.quote(key) + " should be " + description
                + ", but is " + actual);
    }
}
