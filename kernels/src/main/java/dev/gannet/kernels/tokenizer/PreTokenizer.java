package dev.gannet.kernels.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into the words byte-level BPE merges within, as named by {@code tokenizer.ggml.pre}.
 * Each pattern in turn splits every piece the previous ones left, and both what a pattern matches
 * and the text between matches become pieces, as in llama.cpp's {@code unicode_regex_split}.
 *
 * <p>Patterns use Java's ASCII {@code \s}; before matching, every other Unicode White_Space
 * character is read as U+000B, which llama.cpp also does so that its {@code std::regex} sees them as
 * whitespace. The result: {@code \s} is Unicode whitespace, yet a literal class such as
 * U+3000..U+3002 does not match the ideographic space U+3000, exactly as in llama.cpp.
 *
 * @param name          the {@code tokenizer.ggml.pre} value
 * @param patterns      the split patterns, applied in order
 * @param ignoreMerges  a word that is itself a token is taken whole, without merging (llama 3)
 * @param addBos        encoding with special tokens adds BOS unless the metadata says otherwise
 */
record PreTokenizer(String name, List<Pattern> patterns, boolean ignoreMerges, boolean addBos) {
    private static final char VERTICAL_TAB = 0x0B;

    PreTokenizer {
        patterns = List.copyOf(patterns);
    }

    static PreTokenizer of(String name, String... patterns) {
        return new PreTokenizer(name, compile(patterns), false, false);
    }

    PreTokenizer ignoringMerges() {
        return new PreTokenizer(name, patterns, true, addBos);
    }

    PreTokenizer addingBos() {
        return new PreTokenizer(name, patterns, ignoreMerges, true);
    }

    /** The words of {@code text}, in order; concatenated they give the text back. */
    List<String> split(String text) {
        String subject = withAsciiWhitespace(text);
        List<int[]> pieces = new ArrayList<>();
        if (!text.isEmpty()) {
            pieces.add(new int[] {0, text.length()});
        }
        for (Pattern pattern : patterns) {
            List<int[]> next = new ArrayList<>(pieces.size() * 2);
            Matcher matcher = pattern.matcher(subject);
            for (int[] piece : pieces) {
                // The region bounds the match as llama.cpp's iterator over one piece does: lookaheads
                // cannot see past the piece and \z matches at its end.
                matcher.region(piece[0], piece[1]);
                int last = piece[0];
                while (matcher.find()) {
                    if (matcher.start() > last) {
                        next.add(new int[] {last, matcher.start()});
                    }
                    if (matcher.end() > matcher.start()) {
                        next.add(new int[] {matcher.start(), matcher.end()});
                    }
                    last = matcher.end();
                }
                if (last < piece[1]) {
                    next.add(new int[] {last, piece[1]});
                }
            }
            pieces = next;
        }
        List<String> words = new ArrayList<>(pieces.size());
        for (int[] piece : pieces) {
            words.add(text.substring(piece[0], piece[1]));
        }
        return words;
    }

    private static List<Pattern> compile(String... patterns) {
        List<Pattern> compiled = new ArrayList<>(patterns.length);
        for (String pattern : patterns) {
            compiled.add(Pattern.compile(pattern));
        }
        return compiled;
    }

    /** The text with non-ASCII White_Space characters replaced by U+000B, same length. */
    private static String withAsciiWhitespace(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            if (isNonAsciiWhitespace(text.charAt(i))) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = VERTICAL_TAB;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Unicode's White_Space property above U+007F (all of it lies in the BMP). */
    private static boolean isNonAsciiWhitespace(char c) {
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }
}
