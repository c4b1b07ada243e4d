package org.tributary.node.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns untrusted HTML (from peers) into the small subset the node renders: paragraphs, line breaks,
 * links (http/https only, no scripts, styles, event handlers or images inline).
 */
public final class HtmlSanitizer {
    private final Safelist allowed = new Safelist()
            .addTags("p", "br", "a", "span", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre")
            .addAttributes("a", "href", "rel", "class")
            .addAttributes("span", "class")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    public String sanitize(String untrustedHtml) {
        if (untrustedHtml == null) {
            return "";
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(untrustedHtml, "", allowed, output);
    }
}
