package org.tributary.node.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void removesScriptsAndStylesWithTheirContent() {
        assertEquals("<p>hi</p>", sanitizer.sanitize("<p>hi<script>alert(1)</script><style>p{}</style></p>"));
    }

    @Test
    void removesEventHandlersAndStyleAttributes() {
        assertEquals("<p>click</p>", sanitizer.sanitize("<p onclick=\"steal()\" style=\"color:red\">click</p>"));
        assertEquals("<span class=\"h-card\">x</span>",
                sanitizer.sanitize("<span class=\"h-card\" onmouseover=\"x()\">x</span>"));
    }

    @Test
    void dropsJavascriptAndDataLinksButKeepsTheirText() {
        assertEquals("<a rel=\"nofollow noopener noreferrer\">run</a>",
                sanitizer.sanitize("<a href=\"javascript:alert(1)\">run</a>"));
        assertEquals("<a rel=\"nofollow noopener noreferrer\">data</a>",
                sanitizer.sanitize("<a href=\"data:text/html,x\">data</a>"));
        assertEquals("<a rel=\"nofollow noopener noreferrer\">obfuscated</a>",
                sanitizer.sanitize("<a href=\"jav&#x09;ascript:alert(1)\">obfuscated</a>"));
    }

    @Test
    void keepsHttpLinksAndEnforcesRel() {
        assertEquals("<p><a href=\"https://sales.example/q3\" rel=\"nofollow noopener noreferrer\">Q3</a></p>",
                sanitizer.sanitize("<p><a href=\"https://sales.example/q3\" rel=\"me\" target=\"_blank\">Q3</a></p>"));
        assertEquals("<a href=\"http://intranet.example\" rel=\"nofollow noopener noreferrer\">intranet</a>",
                sanitizer.sanitize("<a href=\"http://intranet.example\">intranet</a>"));
    }

    @Test
    void keepsTheTextFormattingItAllows() {
        String html = "<p>a<br>b <strong>c</strong> <em>d</em> <code>e</code></p><ul><li>f</li></ul>"
                + "<blockquote>g</blockquote>";
        assertEquals(html, sanitizer.sanitize(html));
    }

    @Test
    void dropsImagesFramesAndForms() {
        String cleaned = sanitizer.sanitize("<img src=x onerror=alert(1)><iframe src=\"https://x\"></iframe>"
                + "<form action=\"https://x\"><input name=a></form>text");
        assertEquals("text", cleaned);
        assertFalse(cleaned.contains("<"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", sanitizer.sanitize(null));
    }
}
