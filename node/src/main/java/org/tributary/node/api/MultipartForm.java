package org.tributary.node.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tributary.node.http.ApiException;

/**
 * The text fields of a {@code multipart/form-data} body (RFC 7578). Parts that carry a file are
 * skipped: the client API does not take uploads yet.
 */
final class MultipartForm {
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename\\*?=");

    private MultipartForm() {
    }

    static Map<String, List<String>> parse(String boundary, byte[] body) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw ApiException.badRequest("malformed_multipart", "multipart/form-data needs a boundary parameter");
        }
        // ISO-8859-1 maps every byte to one char, so offsets in the string are offsets in the bytes.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int start = text.indexOf(delimiter);
        if (start < 0) {
            throw ApiException.badRequest("malformed_multipart", "the multipart body has no part");
        }
        while (true) {
            int partStart = start + delimiter.length();
            if (text.startsWith("--", partStart)) {
                return fields;
            }
            int next = text.indexOf("\r\n" + delimiter, partStart);
            if (next < 0) {
                throw ApiException.badRequest("malformed_multipart", "the multipart body is not terminated");
            }
            addPart(text.substring(skipLineBreak(text, partStart), next), fields);
            start = next + 2;
        }
    }

    private static int skipLineBreak(String text, int index) {
        return text.startsWith("\r\n", index) ? index + 2 : index;
    }

    private static void addPart(String part, Map<String, List<String>> fields) {
        int headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            throw ApiException.badRequest("malformed_multipart", "a multipart part has no header block");
        }
        String disposition = null;
        for (String header : part.substring(0, headerEnd).split("\r\n")) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).strip().toLowerCase(Locale.ROOT)
                    .equals("content-disposition")) {
                disposition = header.substring(colon + 1);
            }
        }
        if (disposition == null) {
            return;
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find() || FILENAME.matcher(disposition).find()) {
            return;
        }
        String value = new String(part.substring(headerEnd + 4).getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        String fieldName = new String(name.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String key = fieldName.endsWith("[]") ? fieldName.substring(0, fieldName.length() - 2) : fieldName;
        fields.computeIfAbsent(key, unused -> new ArrayList<>()).add(value);
    }
}
