package org.tributary.node.media;

/**
 * Decides what an upload is from its bytes alone: the client's Content-Type and file name are never
 * consulted. Accepted: PNG, JPEG, GIF, WebP images and PDF documents. Everything else, including SVG,
 * HTML and plain text (which cannot be told apart from markup by its bytes), is refused; so are files
 * carrying markup or PDF actions, and images over the pixel limit.
 */
public final class MediaInspector {
    private final MediaLimits limits;

    public MediaInspector(MediaLimits limits) {
        this.limits = limits;
    }

    public Inspection inspect(byte[] bytes) {
        Inspection byType = byMagic(new ByteReader(bytes), bytes);
        if (!(byType instanceof Inspection.Accepted accepted)) {
            return byType;
        }
        String markup = ActiveContentScan.markup(bytes);
        if (markup != null) {
            return Inspection.unsupported("the file contains markup (" + markup + ")");
        }
        if (accepted.type().kind() == MediaKind.IMAGE
                && (long) accepted.width() * accepted.height() > limits.maxPixels()) {
            return new Inspection.Refused(422, "media_dimensions_too_large",
                    "images are limited to " + limits.maxPixels() + " pixels");
        }
        return accepted;
    }

    private static Inspection byMagic(ByteReader in, byte[] bytes) {
        if (in.startsWith(0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return ImageHeaders.png(in);
        }
        if (in.startsWith(0, 0xFF, 0xD8, 0xFF)) {
            return ImageHeaders.jpeg(in);
        }
        if (in.startsWith(0, "GIF87a") || in.startsWith(0, "GIF89a")) {
            return ImageHeaders.gif(in);
        }
        if (in.startsWith(0, "RIFF") && in.startsWith(8, "WEBP")) {
            return ImageHeaders.webp(in);
        }
        if (in.startsWith(0, "%PDF-")) {
            return pdf(bytes);
        }
        return Inspection.unsupported("only PNG, JPEG, GIF, WebP images and PDF documents are accepted");
    }

    private static Inspection pdf(byte[] bytes) {
        if (!endsWithEof(bytes)) {
            return Inspection.unsupported("a PDF must end with %%EOF");
        }
        String action = ActiveContentScan.pdfAction(bytes);
        if (action != null) {
            return Inspection.unsupported("PDF documents with scripts, launch actions or embedded files are refused ("
                    + action + ")");
        }
        return new Inspection.Accepted(DetectedType.PDF, null, null);
    }

    /** {@code %%EOF} followed only by line ends or spaces: nothing appended after the document. */
    private static boolean endsWithEof(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ')) {
            end--;
        }
        return new ByteReader(bytes).startsWith(end - 5, "%%EOF");
    }
}
