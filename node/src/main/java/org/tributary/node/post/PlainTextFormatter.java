package org.tributary.node.post;

import org.jsoup.nodes.Entities;

/**
 * Renders what an employee typed as HTML: every character escaped, blank lines become paragraphs and
 * single line breaks become {@code <br>}.
 */
public final class PlainTextFormatter {

    public String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>");
            String[] lines = paragraph.strip().split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                html.append(Entities.escape(lines[i]));
            }
            html.append("</p>");
        }
        return html.toString();
    }
}
