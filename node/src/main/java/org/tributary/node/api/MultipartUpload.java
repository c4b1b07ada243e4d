package org.tributary.node.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.tributary.node.http.ApiException;

/**
 * Reads a {@code multipart/form-data} media upload ({@code file}, {@code description}, {@code focus})
 * with hard limits: the body is counted as it is read and the read stops once it passes the largest
 * upload plus room for the form's other fields, so no client can make the node hold more than that.
 * The file part's own Content-Type and file name are ignored.
 */
final class MultipartUpload {
    /** Room for boundaries, part headers and the text fields. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    private static final int MAX_PARTS = 8;

    /** The fields of one upload form; text fields are null when absent. */
    record Form(byte[] file, String description, String focus) {
    }

    /**
     * How much of a refused upload is read and dropped before the 413 goes out. Closing the connection with
     * unread bytes in its buffer makes the kernel reset it, and the client then loses the answer too (a
     * broken pipe instead of "media_too_large"); beyond this much, a reset is the lesser cost.
     */
    private static final long SWALLOW_LIMIT = 2L * 1024 * 1024;

    private MultipartUpload() {
    }

    private static void discardUpTo(InputStream body, long limit) {
        byte[] sink = new byte[8192];
        long read = 0;
        try {
            int n;
            while (read < limit && (n = body.read(sink, 0, (int) Math.min(sink.length, limit - read))) > 0) {
                read += n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    static Form read(String contentType, Long contentLength, InputStream body, long maxFileBytes) {
        long maxLength = maxFileBytes + FORM_OVERHEAD;
        if (contentLength != null && contentLength > maxLength) {
            discardUpTo(body, SWALLOW_LIMIT);
            throw tooLarge(maxFileBytes);
        }
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw ApiException.badRequest("invalid_multipart", "a multipart/form-data body with a boundary is required");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(MAX_PARTS);
        parser.setMaxLength(maxLength);
        parser.setMaxFileSize(maxLength);
        parser.setMaxMemoryFileSize(maxLength);
        parser.setPartHeadersMaxLength(8 * 1024);
        CountingStream counted = new CountingStream(body, maxLength);
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(counted)).get()) {
            MultiPart.Part file = parts.getFirst("file");
            if (file == null) {
                throw new ApiException(422, "file_missing", "the form has no file field");
            }
            byte[] bytes = Content.Source.asInputStream(file.getContentSource()).readAllBytes();
            return new Form(bytes, text(parts.getFirst("description")), text(parts.getFirst("focus")));
        } catch (ExecutionException e) {
            if (counted.exceeded() || String.valueOf(e.getCause().getMessage()).contains("exceeded")) {
                throw tooLarge(maxFileBytes);
            }
            throw ApiException.badRequest("invalid_multipart", "the multipart body could not be read");
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_multipart", "the multipart body could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "the upload was interrupted");
        }
    }

    /**
     * The bytes of the file part {@code name} in a multipart body already read (a profile form's
     * picture), if the form has one with content.
     */
    static java.util.Optional<byte[]> file(String contentType, byte[] body, String name, long maxFileBytes) {
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty() || body == null || body.length == 0) {
            return java.util.Optional.empty();
        }
        if (body.length > maxFileBytes + FORM_OVERHEAD) {
            throw tooLarge(maxFileBytes);
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(MAX_PARTS * 4);
        parser.setMaxLength(body.length);
        parser.setMaxFileSize(body.length);
        parser.setMaxMemoryFileSize(body.length);
        parser.setPartHeadersMaxLength(8 * 1024);
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(
                java.nio.ByteBuffer.wrap(body))).get()) {
            MultiPart.Part file = parts.getFirst(name);
            if (file == null || file.getFileName() == null) {
                return java.util.Optional.empty();
            }
            byte[] bytes = Content.Source.asInputStream(file.getContentSource()).readAllBytes();
            return bytes.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(bytes);
        } catch (ExecutionException | IOException e) {
            throw ApiException.badRequest("invalid_multipart", "the multipart body could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "the upload was interrupted");
        }
    }

    private static String text(MultiPart.Part part) {
        return part == null ? null : part.getContentAsString(StandardCharsets.UTF_8);
    }

    private static ApiException tooLarge(long maxFileBytes) {
        return new ApiException(413, "media_too_large", "uploads are limited to " + maxFileBytes + " bytes");
    }

    /** Fails the read once more than {@code limit} bytes have come in, and remembers that it did. */
    private static final class CountingStream extends FilterInputStream {
        private final long limit;
        private long count;
        private boolean exceeded;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new IOException("upload exceeded " + limit + " bytes");
            }
        }
    }
}
