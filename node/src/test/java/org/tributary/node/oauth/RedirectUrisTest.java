package org.tributary.node.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {
    @Test
    void acceptsWebNativeAndOutOfBandUris() {
        assertEquals(List.of("https://a.example/cb", "myapp://oauth", RedirectUris.OUT_OF_BAND),
                RedirectUris.parse(" https://a.example/cb\nmyapp://oauth  urn:ietf:wg:oauth:2.0:oob https://a.example/cb"));
    }

    @Test
    void refusesRelativeFragmentAndDangerousSchemes() {
        for (String bad : List.of("/callback", "https://a.example/cb#x", "javascript:alert(1)", "JavaScript:x",
                "data:text/html,x", "file:///etc/passwd", "", "http://a b")) {
            assertThrows(IllegalArgumentException.class, () -> RedirectUris.parse(bad), bad);
        }
    }
}
