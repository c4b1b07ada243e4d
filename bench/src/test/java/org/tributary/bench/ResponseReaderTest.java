package org.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Response framing (RFC 9112 §6.3), read from a stream that hands over one byte per read, as a slow socket may. */
class ResponseReaderTest {

    private static ResponseReader reader(String wire) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
        return new ResponseReader(new InputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return length == 0 ? 0 : bytes.read(buffer, offset, 1);
            }
        });
    }

    @Test
    void readsResponsesOneAfterAnotherWhateverTheirFraming() throws IOException {
        ResponseReader reader = reader(""
                + "HTTP/1.1 202 Accepted\r\nContent-Length: 11\r\n\r\n{\"ok\":true}"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\n"
                + "Trailer-Field: x\r\n\r\n"
                + "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\n{}"
                + "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n"
                + "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nabc"
                + "HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

        assertEquals(new ResponseReader.Response(202, false), reader.read());
        assertEquals(new ResponseReader.Response(200, false), reader.read());
        assertEquals(new ResponseReader.Response(201, false), reader.read(), "the 100 is read past");
        assertEquals(new ResponseReader.Response(204, false), reader.read(), "no body");
        assertEquals(new ResponseReader.Response(304, false), reader.read(), "no body, whatever its length says");
        assertEquals(new ResponseReader.Response(200, false), reader.read(), "HTTP/1.0 asking to keep alive");
        assertEquals(new ResponseReader.Response(429, true), reader.read());
    }

    @Test
    void aBodyWithoutFramingRunsToTheEndAndClosesTheConnection() throws IOException {
        assertEquals(new ResponseReader.Response(200, true),
                reader("HTTP/1.0 200 OK\r\n\r\nall of this is the body").read());
        assertEquals(new ResponseReader.Response(200, true),
                reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 2\r\n\r\nnot two bytes").read(),
                "a transfer coding other than chunked last: read to the end, not by the length");
    }

    @Test
    void chunkedWinsOverAContentLengthAndTheConnectionIsNotReused() throws IOException {
        assertEquals(new ResponseReader.Response(200, true), reader(
                "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n").read());
    }

    @Test
    void aMalformedOrCutResponseIsAnIoError() {
        assertThrows(IOException.class, () -> reader("SSH-2.0-OpenSSH\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 2x2 Odd\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n").read());
    }
}
