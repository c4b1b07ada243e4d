package org.tributary.bench;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP/1.1 request as the bytes that go on the wire, built before any clock starts, and the address
 * they go to. The {@link LoadGenerator} writes them as they are: serializing a request is not part of
 * what a benchmark measures.
 */
public record WireRequest(InetSocketAddress target, byte[] bytes) {
    /** Headers the wire form writes itself ({@code Host} is written only when not given). */
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "connection", "transfer-encoding");

    /**
     * A request with {@code headers} and {@code body}. {@code Content-Length} is written here (given framing
     * headers are dropped; connections stay open by HTTP/1.1's default); {@code Host} is kept when given (a
     * signature may cover it) and written otherwise. Not HEAD, whose answer the {@link ResponseReader} would
     * wait for a body of.
     */
    public static WireRequest of(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        if (!"http".equals(uri.getScheme()) || uri.getPort() < 0) {
            throw new IllegalArgumentException("a load target is plain http with an explicit port: " + uri);
        }
        if (method.equalsIgnoreCase("HEAD")) {
            throw new IllegalArgumentException("HEAD requests are not supported by the load generator");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hostGiven = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("host"));
        if (!hostGiven) {
            head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        }
        headers.forEach((name, values) -> {
            if (!FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        if (body.length > 0 || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + body.length);
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        return new WireRequest(new InetSocketAddress(uri.getHost(), uri.getPort()), bytes.toByteArray());
    }

    /** The wire form of a bodiless JDK request (a GET), with its headers. */
    public static WireRequest of(HttpRequest request) {
        if (request.bodyPublisher().map(publisher -> publisher.contentLength() != 0).orElse(false)) {
            throw new IllegalArgumentException("only bodiless JDK requests convert; build a request with a body by "
                    + "WireRequest.of(method, uri, headers, body)");
        }
        return of(request.method(), request.uri(), request.headers().map(), new byte[0]);
    }
}
