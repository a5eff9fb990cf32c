package dev.gannet.prompts.jinja;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's {@code repr(float)}: the shortest digits that read back as the same double. */
final class PyFloats {
    private PyFloats() {
    }

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest round-tripping digits (since JDK 19), as Python's repr does;
        // only the layout differs.
        BigDecimal exact = shortest(value);
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale(); // power of ten of the first digit
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String power = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + power;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /**
     * The shortest decimal that reads back as {@code value}, the closest one when several are as short.
     * Double.toString nearly is that, but in scientific notation it always shows two digits (4.9E-324
     * where 5e-324 reads back the same), so a single digit is tried too.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal twoDigits = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (twoDigits.precision() != 2) {
            return twoDigits;
        }
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
            BigDecimal candidate = twoDigits.round(new MathContext(1, mode));
            if (candidate.doubleValue() == value) {
                BigDecimal exact = new BigDecimal(value);
                if (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                    best = candidate;
                }
            }
        }
        return best == null ? twoDigits : best.stripTrailingZeros();
    }
}
