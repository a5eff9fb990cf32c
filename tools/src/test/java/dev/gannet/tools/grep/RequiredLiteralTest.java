package dev.gannet.tools.grep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredLiteralTest {
    /** (regex, the literal every match must contain, or null for none) — worked out by hand. */
    private static final List<String[]> TABLE = List.of(
            new String[] {"ConcurrentModificationException", "ConcurrentModificationException"},
            new String[] {"(public|private) static final \\w+ [A-Z_]{8,} =", " static final "},
            new String[] {"\\bsynchronized\\s*\\(this\\)", "synchronized"},
            new String[] {"foo|barbaz", null},
            new String[] {"(?i)hello", null},
            new String[] {"colou?r", "colo"},
            new String[] {"abcd*e", "abc"},
            new String[] {"ab+cde", "cde"},
            new String[] {"x{2,3}yyy", "yyy"},
            new String[] {"abc{2}", null},
            new String[] {"a.b.c", null},
            new String[] {"\\x41BCD", "BCD"},
            new String[] {"\\x{41}BCD", "BCD"},
            new String[] {"\\u0041BCD", "BCD"},
            new String[] {"\\0101BCD", "BCD"},
            new String[] {"\\cABCD", "BCD"},
            new String[] {"\\p{Lu}abc", "abc"},
            new String[] {"\\pLabc", "abc"},
            new String[] {"(a)\\1xyz", null},
            new String[] {"[abc]]]xyz", "]]xyz"},
            new String[] {"[]x]abc", "abc"},
            new String[] {"[a[bc]]def", "def"},
            new String[] {"a\\.b\\.c", "a.b.c"},
            new String[] {"\\Qa.b\\E", null},
            new String[] {"^import java", "import java"},
            new String[] {"end$", "end"},
            new String[] {"qqq*?zz", "qq"},
            new String[] {"qqq++zz", "qq"});

    @Test
    void findsTheTextEveryMatchMustContain() {
        for (String[] row : TABLE) {
            assertEquals(Optional.ofNullable(row[1]).filter(s -> s.length() >= 3), RequiredLiteral.of(row[0]), row[0]);
        }
    }

    /** Whatever it answers must occur in every match, on random texts built to match often. */
    @Test
    void everyMatchContainsTheLiteral() {
        String[] pieces = {"ab", "abc", "b", "c", "x", "yy", ".", "(", ")", "]", "-", " ", "A", "é", "k", "K", "s", "ſ"};
        Random random = new Random(5);
        for (String[] row : TABLE) {
            Optional<String> literal = RequiredLiteral.of(row[0]);
            if (literal.isEmpty()) {
                continue;
            }
            Pattern pattern = Pattern.compile(row[0]);
            for (int i = 0; i < 300; i++) {
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < 12; p++) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                text.append(literalExample(row[0]));
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    assertTrue(m.group().contains(literal.get()), row[0] + " matched " + m.group());
                }
            }
        }
    }

    @Test
    void foldingAgreesWithJavasCaseInsensitiveMatching() {
        for (char a = 0; a < 0x3000; a++) {
            for (char b : new char[] {'s', 'k', 'i', 'S', 'K', 'I', 'a', '\u00e9', '\u03c3'}) {
                boolean regex = Pattern.compile(Pattern.quote(String.valueOf(b)), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(String.valueOf(a)).matches();
                boolean folded = RequiredLiteral.fold(String.valueOf(a)).equals(RequiredLiteral.fold(String.valueOf(b)));
                assertEquals(regex, folded, "U+" + Integer.toHexString(a) + " vs " + b);
            }
        }
    }

    @Test
    void fastFoldingFindsWhatFullFoldingFinds() {
        String[] literals = {"thread-safe", "kiss", "abc", "x?y"};
        String[] texts = {"THREAD-SAFE", "Thread-\u017Fafe", "\u212Ai\u017F\u017F", "K\u0130SS", "\u4e2d ABC \u00c9",
                "x\u4e2dy", "no match here"};
        for (String literal : literals) {
            for (String text : texts) {
                boolean slow = RequiredLiteral.fold(text).contains(RequiredLiteral.fold(literal));
                boolean fast = RequiredLiteral.foldForAsciiLiteral(text).contains(RequiredLiteral.fold(literal));
                assertTrue(fast || !slow, literal + " in " + text + ": the fast fold must find whatever the full fold finds");
            }
        }
    }

    /** A string the regex matches, when one is easy to make: the regex with its escapes undone. */
    private static String literalExample(String regex) {
        return regex.replace("\\b", "").replace("\\s*", " ").replace("\\w+", "w").replace("\\", "");
    }
}
