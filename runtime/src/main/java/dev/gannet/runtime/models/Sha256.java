package dev.gannet.runtime.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 as lower-case hex, the form pip, Hugging Face and sha256sum all print. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of a whole file, reporting progress as it reads (files are hundreds of MB). */
    public static String of(Path file, PullProgress progress) {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            long total = Files.size(file);
            long done = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                done += n;
                progress.bytes("verifying", done, total);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hex(digest);
    }

    /** Whether {@code text} is a SHA-256 in hex (64 hex digits, either case). */
    public static boolean looksLikeSha256(String text) {
        return text != null && text.length() == 64 && text.toLowerCase(Locale.ROOT).chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
