package org.tributary.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tributary.node.http.ApiException;

class RequestParamsTest {
    private static RequestParams parse(String type, String body) {
        return RequestParams.parse(type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formJsonAndMultipartGiveTheSameParameters() {
        RequestParams form = parse("application/x-www-form-urlencoded",
                "note=caf%C3%A9+au+lait&id%5B%5D=1&id[]=2&home[last_read_id]=9");
        RequestParams json = parse("application/json; charset=utf-8",
                "{\"note\":\"café au lait\",\"id\":[1,\"2\"],\"home\":{\"last_read_id\":9},\"gone\":null}");
        String boundary = "XyZ";
        RequestParams multipart = parse("multipart/form-data; boundary=" + boundary, "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\ncafé au lait\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"id[]\"\r\n\r\n1\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"id[]\"\r\n\r\n2\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n\u0089PNG\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"home[last_read_id]\"\r\n\r\n9\r\n--XyZ--\r\n");
        for (RequestParams params : List.of(form, json, multipart)) {
            assertEquals(Optional.of("café au lait"), params.first("note"));
            assertEquals(List.of("1", "2"), params.all("id"));
            assertEquals("9", params.get("home[last_read_id]"));
            assertEquals(Optional.empty(), params.first("avatar"));
            assertEquals(Optional.empty(), params.first("gone"));
        }
    }

    @Test
    void emptyBodyHasNoParameters() {
        assertTrue(RequestParams.parse(null, new byte[0]).values().isEmpty());
    }

    @Test
    void badBodiesAreRefusedWithStableCodes() {
        assertEquals("malformed_json", assertThrows(ApiException.class,
                () -> parse("application/json", "{\"a\":")).code());
        assertEquals("malformed_json", assertThrows(ApiException.class,
                () -> parse("application/json", "[1]")).code());
        assertEquals("malformed_form", assertThrows(ApiException.class,
                () -> parse("application/x-www-form-urlencoded", "a=%zz")).code());
        assertEquals("malformed_multipart", assertThrows(ApiException.class,
                () -> parse("multipart/form-data", "--x\r\n")).code());
        assertEquals("malformed_multipart", assertThrows(ApiException.class,
                () -> parse("multipart/form-data; boundary=x", "--x\r\nno end")).code());
        assertEquals(415, assertThrows(ApiException.class, () -> parse("text/plain", "a=b")).status());
    }
}
