package dev.gannet.tools.path;

import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file's content all at once: the bytes go to a new file beside it, are flushed to
 * disk, and the new file is renamed over the old one, so a reader sees the old content or the new,
 * never half of each, and a crash leaves the old file whole. The rename replaces a directory entry
 * and never follows a symbolic link at the destination.
 */
public final class AtomicFileWriter {
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFileWriter() {
    }

    /**
     * Writes {@code content} to a path resolved by {@link WorkspacePaths#writableFile}, creating
     * missing parent directories. An existing file keeps its permissions.
     */
    public static void write(ResolvedPath target, byte[] content) throws ToolException {
        Path file = target.absolute();
        Path parent = file.getParent();
        Path temp = null;
        try {
            // The missing part of a resolved path holds no links and no '..', so this stays inside.
            Files.createDirectories(parent);
            Set<PosixFilePermission> permissions = target.exists()
                    ? Files.getPosixFilePermissions(file)
                    : NEW_FILE_PERMISSIONS;
            temp = Files.createTempFile(parent, "." + file.getFileName() + ".", ".gannet-tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.setPosixFilePermissions(temp, permissions);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new ToolException(ToolError.WRONG_FILE_TYPE, "cannot write " + target.relative()
                    + ": a file stands where a directory is needed (" + e.getFile() + ")", e);
        } catch (IOException e) {
            throw new ToolException(ToolError.IO_ERROR, "cannot write " + target.relative() + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that error is the one to report.
                }
            }
        }
    }
}
