package dev.gannet.runtime.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hugging Face as the downloader meets it, on 127.0.0.1: {@code /OWNER/REPO/resolve/main/FILE}
 * answers 302 with X-Linked-Etag (the SHA-256, quoted) and X-Linked-Size, and the redirect target
 * serves the bytes honouring {@code Range}. It can drop its first body midway. A plain socket server
 * (one request per connection), because the JDK's HttpServer keeps a connection open after a short
 * body, so a client would wait instead of seeing the drop.
 */
final class LocalHuggingFace implements AutoCloseable {
    private final ServerSocket socket;
    private final String resolvePath;
    private final byte[] file;
    private final String announcedSha256;
    private volatile int cutFirstBodyAt = -1;
    final List<String> rangesRequested = new CopyOnWriteArrayList<>();

    LocalHuggingFace(String resolvePath, byte[] file, String announcedSha256) throws IOException {
        this.resolvePath = resolvePath;
        this.file = file;
        this.announcedSha256 = announcedSha256;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    /** The first download sends this many bytes of the body, then closes the connection. */
    void cutFirstBodyAt(int bytes) {
        cutFirstBodyAt = bytes;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String path = in.readLine().split(" ")[1];
            String range = null;
            for (String header; (header = in.readLine()) != null && !header.isEmpty(); ) {
                if (header.toLowerCase(Locale.ROOT).startsWith("range:")) {
                    range = header.substring("range:".length()).strip();
                }
            }
            OutputStream out = connection.getOutputStream();
            if (path.equals("/" + resolvePath)) {
                String etag = announcedSha256 == null ? "" : "X-Linked-Etag: \"" + announcedSha256 + "\"\r\n";
                head(out, "302 Found", etag + "X-Linked-Size: " + file.length + "\r\nLocation: /cdn/blob?signature=x\r\n"
                        + "Content-Length: 0\r\n");
                return;
            }
            if (!path.startsWith("/cdn/blob")) {
                head(out, "404 Not Found", "Content-Length: 0\r\n");
                return;
            }
            rangesRequested.add(range == null ? "none" : range);
            int from = range == null ? 0 : Integer.parseInt(range.replaceFirst("bytes=(\\d+)-$", "$1"));
            int length = file.length - from;
            String contentRange = range == null ? "" : "Content-Range: bytes " + from + "-" + (file.length - 1) + "/" + file.length + "\r\n";
            head(out, range == null ? "200 OK" : "206 Partial Content", contentRange + "Content-Length: " + length + "\r\n");
            int cut = cutFirstBodyAt;
            cutFirstBodyAt = -1;
            // With a cut, fewer bytes than Content-Length, then the connection closes: a dropped download.
            out.write(file, from, cut >= 0 ? cut : length);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // The client went away; nothing to answer.
        }
    }

    private static void head(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
