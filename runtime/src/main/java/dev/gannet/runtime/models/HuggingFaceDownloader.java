package dev.gannet.runtime.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads {@code BASE/OWNER/REPO/resolve/main/FILE} into a {@code .part} file, continuing a part
 * left by an earlier attempt with a {@code Range} request.
 *
 * <p>Hugging Face answers a resolve URL of a large (LFS) file with a redirect to its CDN whose headers
 * carry {@code X-Linked-Etag} (the file's SHA-256, quoted) and {@code X-Linked-Size}; the CDN's own
 * response does not. Redirects are therefore followed here, one hop at a time, keeping those headers.
 * For small files kept in git the linked etag is a git SHA-1, which is not a SHA-256 and is ignored.
 */
public final class HuggingFaceDownloader {
    public static final URI HUGGING_FACE = URI.create("https://huggingface.co/");
    private static final int MAX_HOPS = 10;
    /** How long a server may take to start answering; the body then streams for as long as it takes. */
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(60);

    /** What the server told about the file, and how much is now in the part file. */
    record Fetched(Optional<String> serverSha256, long sizeBytes) {
    }

    private final URI base;
    /**
     * Built on the first download, not with the downloader: building one sets up TLS (~0.1-0.2 s of class
     * loading), and every command that names a model builds a downloader though most never download.
     */
    private HttpClient client;

    /** @param base the site's root, {@link #HUGGING_FACE} or a mirror (HF_ENDPOINT) or a test server */
    public HuggingFaceDownloader(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
        }
        return client;
    }

    Fetched download(HuggingFaceReference reference, Path part, PullProgress progress) {
        URI start = base.resolve(reference.resolvePath());
        URI uri = start;
        String serverSha = null;
        long linkedSize = -1;
        long have = sizeOf(part);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpResponse<InputStream> response = send(uri, have, reference);
            String linkedEtag = response.headers().firstValue("X-Linked-Etag").orElse(null);
            String sha = linkedEtag == null ? null : linkedEtag.replaceFirst("^W/", "").replace("\"", "").strip();
            if (Sha256.looksLikeSha256(sha)) {
                serverSha = sha.toLowerCase(Locale.ROOT);
            }
            linkedSize = response.headers().firstValueAsLong("X-Linked-Size").orElse(linkedSize);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                closeQuietly(response.body());
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status == 416 && have > 0) {
                closeQuietly(response.body());
                if (linkedSize < 0 || linkedSize == have) {
                    // The part already holds the whole file: an earlier attempt stopped after its last byte.
                    return new Fetched(Optional.ofNullable(serverSha), have);
                }
                deleteQuietly(part);
                have = 0;
                uri = start;
                continue;
            }
            if (status == 200 || status == 206) {
                boolean resumed = status == 206 && resumesAt(response, have);
                if (status == 206 && !resumed) {
                    closeQuietly(response.body());
                    throw new ModelException("the server answered the resume request for " + reference
                            + " with the wrong byte range; delete " + part + " and pull again");
                }
                long offset = resumed ? have : 0;
                long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                long total = length >= 0 ? offset + length : linkedSize;
                if (offset > 0) {
                    progress.step("resuming " + reference + " at byte " + offset);
                }
                long size = copy(response.body(), part, offset, total, reference, progress);
                return new Fetched(Optional.ofNullable(serverSha), size);
            }
            closeQuietly(response.body());
            throw new ModelException(describeStatus(status, reference, uri));
        }
        throw new ModelException("too many redirects fetching " + reference + " from " + start);
    }

    private HttpResponse<InputStream> send(URI uri, long have, HuggingFaceReference reference) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("User-Agent", "gannet")
                .timeout(HEADERS_TIMEOUT);
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        try {
            return client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ModelException("cannot reach " + uri.getHost() + " to download " + reference + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "). Check the network, or download the GGUF yourself and pass --model /path/to/file.gguf", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while downloading " + reference, e);
        }
    }

    /** Appends (or, from offset 0, writes) the body to the part file; what arrived stays there for a resume. */
    private static long copy(InputStream body, Path part, long offset, long total, HuggingFaceReference reference,
                             PullProgress progress) {
        long done = offset;
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                done += n;
                progress.bytes("downloading", done, total);
            }
        } catch (IOException e) {
            throw new ModelException("the download of " + reference + " stopped at " + done + " of "
                    + (total >= 0 ? total : "?") + " bytes (" + e.getMessage() + "); run the same pull again to resume", e);
        }
        if (total >= 0 && done != total) {
            throw new ModelException("the download of " + reference + " ended at " + done + " of " + total
                    + " bytes; run the same pull again to resume");
        }
        return done;
    }

    private static boolean resumesAt(HttpResponse<?> response, long have) {
        // Content-Range: bytes START-END/TOTAL
        return response.headers().firstValue("Content-Range")
                .map(range -> range.replaceFirst("^bytes\\s+", "").startsWith(have + "-"))
                .orElse(false);
    }

    private static String describeStatus(int status, HuggingFaceReference reference, URI uri) {
        return switch (status) {
            case 401, 403 -> reference + " needs a Hugging Face login (gated or private repository; HTTP " + status
                    + "): download it in a browser and pass --model /path/to/file.gguf";
            case 404 -> reference + " does not exist (HTTP 404 from " + uri.getHost() + "): check the owner, repository and file name";
            default -> "the server answered HTTP " + status + " for " + reference + " (" + uri + ")";
        };
    }

    private static long sizeOf(Path part) {
        try {
            return Files.isRegularFile(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path part) {
        StagingFiles.deleteQuietly(part);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // The response is abandoned either way.
        }
    }
}
