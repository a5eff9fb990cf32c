package dev.gannet.runtime.backend;

import dev.gannet.kernels.model.KvCacheType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Evaluated prompts kept on disk between processes, so that a fresh {@code gannet run} does not pay
 * again for the system message and tool declarations every run shares (about 1 200 tokens, seconds
 * of prefill on a laptop CPU). llama.cpp's {@code --prompt-cache} does the same for one prompt file.
 *
 * <p>A conversation that starts cold evaluates its prompt and then saves the keys and values of all of
 * it, under the model's fingerprint (file, size, modification time). A later conversation whose
 * prompt begins with a saved one's first {@link #MIN_SHARED} tokens or more reads those positions
 * back instead of evaluating them; the usual prefix logic then keeps exactly the shared part. The
 * restored state is bit for bit what was evaluated, so the answer does not change.
 *
 * <p>Files: {@code <16 hex>.kv} in the directory, written to a temporary name and moved into place
 * (a reader never sees half a file), the least recently used deleted beyond {@code maxBytes}. A file
 * that is unreadable, truncated or of another model is passed over; nothing here ever fails a turn.
 */
final class PromptCache {
    /** Tokens a saved prompt must share with a new one before reading it back beats evaluating them. */
    static final int MIN_SHARED = 64;
    /** Prompts shorter than this are cheap to evaluate and not saved. */
    static final int MIN_SAVED = 128;

    private static final int MAGIC = 0x474B5632; // "GKV2": half-precision KV (GKV1 held floats)
    private static final System.Logger LOG = System.getLogger(PromptCache.class.getName());

    private final Path directory;
    private final String fingerprint;
    private final long maxBytes;
    /** The headers read so far, by file; used by one turn at a time (the backend's lock). */
    private final Map<Path, Header> headers = new HashMap<>();

    PromptCache(Path directory, String fingerprint, long maxBytes) {
        this.directory = directory;
        this.fingerprint = fingerprint;
        this.maxBytes = maxBytes;
    }

    /**
     * The identity of a model file and the KV cache's type: KV states of one model are meaningless to
     * another, or to a changed one, and an F16 state cannot be read into an F32 cache.
     */
    static String fingerprintOf(Path modelFile, KvCacheType kvType) throws IOException {
        Path real = modelFile.toRealPath();
        return "kv-layout 2 " + kvType.label() + "; " + real + "; " + Files.size(real) + " bytes; modified "
                + Files.getLastModifiedTime(real).toMillis();
    }

    /**
     * Reads the saved prompt that shares the longest prefix with {@code prompt} into the
     * conversation, when it shares at least {@link #MIN_SHARED} more tokens than the conversation
     * already holds; returns how many of the prompt's tokens the conversation now holds.
     */
    int restore(CachedConversation conversation, int[] prompt) {
        int held = conversation.commonPrefix(prompt);
        Saved best = null;
        int bestShared = held + MIN_SHARED - 1;
        for (Saved saved : savedPrompts()) {
            int shared = saved.sharedWith(prompt);
            if (shared > bestShared && saved.tokens.length <= conversation.session().contextSize()) {
                best = saved;
                bestShared = shared;
            }
        }
        if (best == null) {
            return held;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(best.file), 1 << 16)) {
            if (readHeader(new DataInputStream(in)) == null) {
                return held; // replaced by another model's since it was listed
            }
            conversation.restore(best.tokens, Channels.newChannel(in));
            Files.setLastModifiedTime(best.file, FileTime.fromMillis(System.currentTimeMillis()));
            return bestShared;
        } catch (IOException | RuntimeException e) {
            // Broken (a disk that filled up, a hand edit): said once, and deleted so no later run trips on it.
            LOG.log(System.Logger.Level.WARNING, "prompt cache: deleting unreadable " + best.file + ": " + e.getMessage());
            deleteQuietly(best.file);
            conversation.rewind(0);
            return 0;
        }
    }

    /** Saves the conversation's evaluated tokens (its prompt, just evaluated), then trims the directory. */
    void save(CachedConversation conversation) {
        int[] tokens = conversation.tokens();
        if (tokens.length < MIN_SAVED) {
            return;
        }
        Path file = directory.resolve(nameFor(tokens));
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, "saving-", ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                DataOutputStream header = new DataOutputStream(out);
                header.writeInt(MAGIC);
                header.writeUTF(fingerprint);
                header.writeInt(tokens.length);
                for (int token : tokens) {
                    header.writeInt(token);
                }
                header.flush();
                conversation.session().writeKv(tokens.length, Channels.newChannel(out));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            trim();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "prompt cache: cannot save " + file + ": " + e.getMessage());
            if (partial != null) {
                deleteQuietly(partial);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left behind: a later save or trim meets it again, and nothing reads it meanwhile.
        }
    }

    /** Deletes the least recently used files until the rest fit in {@code maxBytes}. */
    private void trim() throws IOException {
        List<Path> files = savedFiles();
        files.sort(Comparator.comparing(PromptCache::lastModified).reversed());
        long kept = 0;
        for (Path file : files) {
            long size = Files.size(file);
            if (kept + size > maxBytes) {
                Files.deleteIfExists(file);
            } else {
                kept += size;
            }
        }
    }

    /**
     * The saved prompts of this model. Every turn asks, so the files' token lists are kept between
     * turns and a file is read again only when its size or modification time changed.
     */
    private List<Saved> savedPrompts() {
        List<Saved> saved = new ArrayList<>();
        Map<Path, Header> seen = new HashMap<>();
        for (Path file : savedFiles()) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                Header header = headers.get(file);
                if (header == null || !header.isOf(attributes)) {
                    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                        header = new Header(attributes.lastModifiedTime(), attributes.size(), readHeader(in));
                    }
                }
                seen.put(file, header);
                if (header.tokens() != null) {
                    saved.add(new Saved(file, header.tokens()));
                }
            } catch (IOException e) {
                // Unreadable, truncated in its header or vanished since it was listed: not a candidate.
            }
        }
        headers.clear();
        headers.putAll(seen);
        return saved;
    }

    /** The saved tokens, or null when the file belongs to another model or is no prompt-cache file. */
    private int[] readHeader(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || !in.readUTF().equals(fingerprint)) {
            return null;
        }
        int count = in.readInt();
        if (count < 0 || count > 1 << 24) {
            return null;
        }
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = in.readInt();
        }
        return tokens;
    }

    private List<Path> savedFiles() {
        if (!Files.isDirectory(directory)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.filter(file -> file.getFileName().toString().endsWith(".kv")).toList());
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    private String nameFor(int[] tokens) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            for (int token : tokens) {
                digest.update(new byte[] {(byte) (token >>> 24), (byte) (token >>> 16), (byte) (token >>> 8), (byte) token});
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8) + ".kv";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** What a file's header said (null tokens: another model's, or no prompt-cache file) when it had this size and time. */
    private record Header(FileTime modified, long size, int[] tokens) {
        boolean isOf(BasicFileAttributes attributes) {
            return modified.equals(attributes.lastModifiedTime()) && size == attributes.size();
        }
    }

    private record Saved(Path file, int[] tokens) {
        int sharedWith(int[] prompt) {
            int limit = Math.min(tokens.length, prompt.length);
            int i = 0;
            while (i < limit && tokens[i] == prompt[i]) {
                i++;
            }
            return i;
        }
    }
}
