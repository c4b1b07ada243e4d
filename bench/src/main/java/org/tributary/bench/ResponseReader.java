package org.tributary.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses off one connection, one after another: the status, the framing headers, and the
 * body, which is skipped (sized by {@code Content-Length}, chunked, or up to the end of a closing connection,
 * RFC 9112 §6.3). Interim {@code 1xx} answers are read past. Responses to HEAD are not read (their framing
 * headers describe a body that is not sent): {@link WireRequest} does not build HEAD requests. A malformed
 * response is an {@link IOException}.
 */
final class ResponseReader {
    private static final int MAX_LINE = 16 * 1024;

    /** A response's status, and whether the server closes the connection after it. */
    record Response(int status, boolean closes) {
    }

    private final InputStream in;

    ResponseReader(InputStream in) {
        this.in = new BufferedInputStream(in, 16 * 1024);
    }

    Response read() throws IOException {
        try {
            return readOne();
        } catch (NumberFormatException | IndexOutOfBoundsException malformed) {
            throw new IOException("malformed response: " + malformed.getMessage(), malformed);
        }
    }

    private Response readOne() throws IOException {
        while (true) {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            String transferEncoding = null;
            boolean closes = http10;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line: " + header);
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> transferEncoding = value;
                    case "connection" -> closes = value.contains("close") || (http10 && !value.contains("keep-alive"));
                    default -> { }
                }
            }
            if (status / 100 == 1) {
                continue; // an interim answer; the final one follows
            }
            if (status == 204 || status == 304) {
                return new Response(status, closes);
            }
            if (transferEncoding != null) {
                if (!transferEncoding.endsWith("chunked")) {
                    readToEnd(); // not chunked last: the body runs to the end of the connection (§6.3)
                    return new Response(status, true);
                }
                skipChunks();
                // Sent with a Content-Length too, the message is suspect; the connection is not reused (§6.3).
                return new Response(status, closes || contentLength >= 0);
            }
            if (contentLength < -1) {
                throw new IOException("negative Content-Length");
            }
            if (contentLength >= 0) {
                skip(contentLength);
                return new Response(status, closes);
            }
            readToEnd(); // no framing: the body runs to the end of the connection
            return new Response(status, true);
        }
    }

    private void readToEnd() throws IOException {
        while (in.read() >= 0) {
            // skipped
        }
    }

    private void skipChunks() throws IOException {
        while (true) {
            String sizeLine = line();
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) { // trailer fields, up to the empty line
                }
                return;
            }
            skip(size);
            if (!line().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a response body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One line without its CRLF (a bare LF is accepted too). */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed before a full line");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }
}
