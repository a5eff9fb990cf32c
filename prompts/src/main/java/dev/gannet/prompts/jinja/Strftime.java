package dev.gannet.prompts.jinja;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} in the C locale for a naive local time (what
 * {@code datetime.now()} gives Hugging Face's {@code strftime_now}): {@code %Z} and {@code %z} are empty.
 */
final class Strftime {
    private Strftime() {
    }

    static String format(LocalDateTime time, String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= pattern.length()) {
                out.append(c);
                continue;
            }
            char directive = pattern.charAt(++i);
            if (directive == '-' && i + 1 < pattern.length()) {
                // glibc's "no padding" flag, which Python passes through on Linux: %-d is "5", not "05".
                String padded = format(time, "%" + pattern.charAt(++i));
                String unpadded = padded.replaceFirst("^[0 ]+(?=.)", "");
                out.append(unpadded);
                continue;
            }
            out.append(switch (directive) {
                case 'a' -> time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
                case 'A' -> time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
                case 'b', 'h' -> time.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
                case 'B' -> time.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
                case 'c' -> format(time, "%a %b ") + String.format("%2d", time.getDayOfMonth()) + format(time, " %H:%M:%S %Y");
                case 'd' -> two(time.getDayOfMonth());
                case 'e' -> String.format("%2d", time.getDayOfMonth());
                case 'f' -> String.format("%06d", time.getNano() / 1000);
                case 'H' -> two(time.getHour());
                case 'I' -> two(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12);
                case 'j' -> String.format("%03d", time.getDayOfYear());
                case 'm' -> two(time.getMonthValue());
                case 'M' -> two(time.getMinute());
                case 'p' -> time.getHour() < 12 ? "AM" : "PM";
                case 'S' -> two(time.getSecond());
                case 'u' -> Integer.toString(time.getDayOfWeek().getValue());
                case 'w' -> Integer.toString(time.getDayOfWeek().getValue() % 7);
                case 'U' -> two(weekOfYear(time, 7));
                case 'W' -> two(weekOfYear(time, 1));
                case 'V' -> two(time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case 'G' -> Integer.toString(time.get(IsoFields.WEEK_BASED_YEAR));
                case 'x' -> format(time, "%m/%d/%y");
                case 'X' -> format(time, "%H:%M:%S");
                case 'y' -> two(time.getYear() % 100);
                case 'Y' -> Integer.toString(time.getYear());
                case 'Z', 'z' -> "";
                case '%' -> "%";
                default -> "%" + directive;
            });
        }
        return out.toString();
    }

    private static String two(int value) {
        return String.format("%02d", value);
    }

    /** Weeks before the first {@code firstDay} (7 Sunday, 1 Monday) of the year are week 0. */
    private static int weekOfYear(LocalDateTime time, int firstDay) {
        int dayOfYear = time.getDayOfYear() - 1;
        int weekday = time.get(ChronoField.DAY_OF_WEEK) % 7; // Sunday 0 … Saturday 6
        int offset = firstDay == 7 ? weekday : (weekday + 6) % 7;
        return (dayOfYear + 7 - offset) / 7;
    }
}
