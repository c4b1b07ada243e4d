package org.tributary.federation.signature;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 7468 textual encoding of DER structures: one labelled block ({@code -----BEGIN label-----}). */
final class Pem {
    record Block(String label, byte[] der) {
    }

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static Block decode(String pem) throws KeyFormatException {
        if (pem == null) {
            throw new KeyFormatException("no PEM text");
        }
        int begin = pem.indexOf("-----BEGIN ");
        int labelEnd = begin < 0 ? -1 : pem.indexOf("-----", begin + 11);
        if (labelEnd < 0) {
            throw new KeyFormatException("no PEM BEGIN line");
        }
        String label = pem.substring(begin + 11, labelEnd);
        String endLine = "-----END " + label + "-----";
        int end = pem.indexOf(endLine, labelEnd);
        if (end < 0) {
            throw new KeyFormatException("no PEM END line for " + label);
        }
        String body = pem.substring(labelEnd + 5, end).replaceAll("\\s", "");
        try {
            return new Block(label, Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("PEM body is not base64", e);
        }
    }
}
