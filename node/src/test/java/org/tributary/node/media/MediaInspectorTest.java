package org.tributary.node.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Type detection from the bytes, header dimensions, and refusal of everything a browser could run. */
class MediaInspectorTest {
    private final MediaInspector inspector = new MediaInspector(MediaLimits.defaults());

    @Test
    void recognisesEachAcceptedTypeAndReadsImageSizesFromTheHeader() {
        assertAccepted(TestFiles.png(7, 3), DetectedType.PNG, 7, 3);
        assertAccepted(TestFiles.jpeg(5, 9), DetectedType.JPEG, 5, 9);
        assertAccepted(TestFiles.gif(4, 2), DetectedType.GIF, 4, 2);
        assertAccepted(TestFiles.webp(640, 480), DetectedType.WEBP, 640, 480);
        Inspection.Accepted pdf = assertInstanceOf(Inspection.Accepted.class, inspector.inspect(TestFiles.pdf()));
        assertEquals(DetectedType.PDF, pdf.type());
        assertEquals(MediaKind.DOCUMENT, pdf.type().kind());
    }

    @Test
    void refusesMarkupSvgPlainTextAndUnknownBytes() {
        assertUnsupported(TestFiles.ascii("<!DOCTYPE html><html><script>alert(1)</script></html>"));
        assertUnsupported(TestFiles.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"));
        assertUnsupported(TestFiles.ascii("<?xml version=\"1.0\"?><svg/>"));
        assertUnsupported(TestFiles.ascii("just some notes\n"));
        assertUnsupported(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
    }

    @Test
    void refusesPolyglotsThatAreAnImageAndAPage() {
        // A real PNG with a page appended after its end.
        assertUnsupported(TestFiles.concat(TestFiles.png(2, 2), TestFiles.ascii("<html><script>x</script>")));
        // A GIF header that also reads as markup; it even ends with the trailer byte.
        assertTrue(assertUnsupported(TestFiles.ascii("GIF89a/*<svg onload=alert(1)>*/=1;")).contains("markup"));
        // A JPEG with a script inside (in a comment segment), where the structure itself is fine.
        byte[] jpeg = TestFiles.jpeg(2, 2);
        byte[] comment = TestFiles.ascii("\u00FF\u00FE\u0000\u0014<script>x</script>");
        byte[] polyglot = new byte[jpeg.length + comment.length];
        System.arraycopy(jpeg, 0, polyglot, 0, 2);
        System.arraycopy(comment, 0, polyglot, 2, comment.length);
        System.arraycopy(jpeg, 2, polyglot, 2 + comment.length, jpeg.length - 2);
        assertTrue(assertUnsupported(polyglot).contains("markup"));
    }

    @Test
    void refusesTruncatedOrTrailingDataImages() {
        byte[] png = TestFiles.png(3, 3);
        assertUnsupported(java.util.Arrays.copyOf(png, png.length - 5));
        byte[] jpeg = TestFiles.jpeg(3, 3);
        assertUnsupported(TestFiles.concat(jpeg, new byte[] {1, 2, 3}));
        assertUnsupported(TestFiles.concat(TestFiles.webp(10, 10), new byte[] {0}));
    }

    @Test
    void refusesImagesOverThePixelLimitWithoutDecodingThem() {
        byte[] bomb = TestFiles.png(1, 1);
        // IHDR width and height at offsets 16 and 20: claim 50000 x 50000 in a file of a few dozen bytes.
        writeInt(bomb, 16, 50_000);
        writeInt(bomb, 20, 50_000);
        Inspection.Refused refused = assertInstanceOf(Inspection.Refused.class, inspector.inspect(bomb));
        assertEquals(422, refused.status());
        assertEquals("media_dimensions_too_large", refused.code());
        Inspection.Refused webp = assertInstanceOf(Inspection.Refused.class,
                inspector.inspect(TestFiles.webp(16_000, 16_000)));
        assertEquals("media_dimensions_too_large", webp.code());
    }

    @Test
    void refusesPdfsWithScriptsOrLaunchActionsEvenWhenTheNameIsEscaped() {
        assertUnsupported(TestFiles.pdfWith("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"));
        assertUnsupported(TestFiles.pdfWith("/OpenAction << /S /J#61vaScript >>"));
        assertUnsupported(TestFiles.pdfWith("/OpenAction << /S /Launch /F (calc.exe) >>"));
        assertUnsupported(TestFiles.concat(TestFiles.pdf(), TestFiles.ascii("<html>")));
        // A font subset name that merely starts with JS is not an action.
        assertInstanceOf(Inspection.Accepted.class, inspector.inspect(TestFiles.pdfWith("/Font /JSABCD+Helvetica")));
    }

    private void assertAccepted(byte[] bytes, DetectedType type, int width, int height) {
        Inspection inspection = inspector.inspect(bytes);
        Inspection.Accepted accepted = assertInstanceOf(Inspection.Accepted.class, inspection, inspection::toString);
        assertEquals(type, accepted.type());
        assertEquals(width, accepted.width());
        assertEquals(height, accepted.height());
    }

    private String assertUnsupported(byte[] bytes) {
        Inspection inspection = inspector.inspect(bytes);
        Inspection.Refused refused = assertInstanceOf(Inspection.Refused.class, inspection);
        assertEquals(415, refused.status());
        assertEquals("unsupported_media_type", refused.code());
        assertTrue(!refused.reason().isBlank());
        return refused.reason();
    }

    private static void writeInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
