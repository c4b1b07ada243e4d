package org.tributary.node.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainTextFormatterTest {
    private final PlainTextFormatter formatter = new PlainTextFormatter();

    @Test
    void escapesEverythingTheEmployeeTyped() {
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</p>",
                formatter.toHtml("<script>alert(1)</script> & <b>bold</b>"));
        assertEquals("<p>a &lt;a href=&quot;javascript:x&quot;&gt;link&lt;/a&gt;</p>",
                formatter.toHtml("a <a href=\"javascript:x\">link</a>"));
    }

    @Test
    void blankLinesSeparateParagraphs() {
        assertEquals("<p>first</p><p>second</p>", formatter.toHtml("first\n\nsecond"));
        assertEquals("<p>first</p><p>second</p>", formatter.toHtml("first\n  \n\n\t\nsecond"));
    }

    @Test
    void singleLineBreaksBecomeBr() {
        assertEquals("<p>one<br>two<br>three</p><p>four</p>", formatter.toHtml("one\ntwo\nthree\n\nfour"));
    }

    @Test
    void surroundingWhitespaceIsDropped() {
        assertEquals("<p>hello</p>", formatter.toHtml("\n\n   hello   \n\n"));
    }

    @Test
    void nonAsciiTextSurvives() {
        assertEquals("<p>Grüße – 数字 🙂</p>", formatter.toHtml("Grüße – 数字 🙂"));
    }
}
