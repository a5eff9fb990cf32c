package dev.gannet.runtime.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A PEP 503 "simple" package index on 127.0.0.1 (JDK HTTP server, port 0) serving wheels built in
 * the test, so the real pip can download from it with --index-url.
 */
final class LocalPackageIndex implements AutoCloseable {
    private final HttpServer server;
    /** normalized project name → wheel file name → wheel bytes */
    private final Map<String, Map<String, byte[]>> projects = new ConcurrentHashMap<>();

    LocalPackageIndex() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String indexUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/simple/";
    }

    /** Publishes a wheel of {@code distribution} {@code version} holding {@code members} (path → bytes). */
    void publish(String distribution, String version, Map<String, byte[]> members) throws IOException {
        String wheelName = distribution.replace('-', '_') + "-" + version + "-py3-none-any.whl";
        projects.computeIfAbsent(normalize(distribution), k -> new ConcurrentHashMap<>())
                .put(wheelName, wheel(distribution, version, members));
    }

    /** A minimal valid wheel: the members plus METADATA, WHEEL and RECORD in the .dist-info folder. */
    static byte[] wheel(String distribution, String version, Map<String, byte[]> members) throws IOException {
        String distInfo = distribution.replace('-', '_') + "-" + version + ".dist-info/";
        Map<String, byte[]> all = new LinkedHashMap<>(members);
        all.put(distInfo + "METADATA", ("Metadata-Version: 2.1\nName: " + distribution + "\nVersion: " + version + "\n")
                .getBytes(StandardCharsets.UTF_8));
        all.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: gannet-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        all.forEach((path, bytes) -> record.append(path).append(",,\n"));
        record.append(distInfo).append("RECORD,,\n");
        all.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        // /simple/PROJECT/  or  /files/PROJECT/WHEEL
        if (path.length == 3 && path[1].equals("simple") && projects.containsKey(normalize(path[2]))) {
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
            projects.get(normalize(path[2])).forEach((wheel, bytes) -> page.append("<a href=\"/files/")
                    .append(normalize(path[2])).append('/').append(wheel).append("#sha256=").append(sha256(bytes))
                    .append("\">").append(wheel).append("</a>\n"));
            page.append("</body></html>\n");
            send(exchange, 200, "text/html", page.toString().getBytes(StandardCharsets.UTF_8));
        } else if (path.length == 4 && path[1].equals("files") && projects.containsKey(path[2])
                && projects.get(path[2]).containsKey(path[3])) {
            send(exchange, 200, "application/octet-stream", projects.get(path[2]).get(path[3]));
        } else {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** PEP 503: lower case, runs of '-', '_' and '.' become one '-'. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    static String sha256(byte[] bytes) {
        MessageDigest digest = Sha256.newDigest();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
