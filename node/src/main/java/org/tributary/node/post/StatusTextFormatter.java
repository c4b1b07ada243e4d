package org.tributary.node.post;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.tributary.node.account.Account;
import org.tributary.node.config.LocalUris;

/**
 * Renders what an employee typed as HTML: every character escaped; blank lines become paragraphs and
 * single line breaks {@code <br>}; http(s) URLs become links; {@code @user} and {@code @user@host:port}
 * become mention links when they name a known account (otherwise they stay text); {@code #tag} becomes
 * a hashtag link. The HTML it writes survives {@link HtmlSanitizer}, so peers render it the same way.
 */
public final class StatusTextFormatter {
    static final String LINK_REL = "nofollow noopener noreferrer";

    // A URL ends at white space or a character that cannot be in one; trailing punctuation is trimmed below.
    private static final String URL = "(?<url>https?://[^\\s<>\"]+)";
    // Not after a word character, '/', '@' or '.', so e-mail addresses and paths are not mentions.
    private static final String MENTION = "(?<![\\p{L}\\p{N}_/@.])@(?<user>[A-Za-z0-9_]{1,30})"
            + "(?:@(?<host>[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*(?::\\d{1,5})?))?(?![A-Za-z0-9_@])";
    private static final String HASHTAG = "(?<![\\p{L}\\p{N}_&/#])#(?<tag>[\\p{L}\\p{N}_]{1,100})";
    private static final Pattern TOKENS = Pattern.compile(URL + "|" + MENTION + "|" + HASHTAG);
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"";

    private final LocalUris uris;

    public StatusTextFormatter(LocalUris uris) {
        this.uris = uris;
    }

    public FormattedText format(String text, MentionResolver resolver) {
        Rendering rendering = new Rendering(resolver);
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>");
            String[] lines = paragraph.strip().split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                rendering.line(lines[i], html);
            }
            html.append("</p>");
        }
        return new FormattedText(html.toString(), List.copyOf(rendering.mentioned.values()),
                List.copyOf(rendering.tags));
    }

    /** The state of one rendering: accounts resolved so far (each handle looked up once) and tags seen. */
    private final class Rendering {
        private final MentionResolver resolver;
        private final Map<String, Optional<Account>> resolved = new HashMap<>();
        private final Map<Long, Account> mentioned = new LinkedHashMap<>();
        private final LinkedHashSet<String> tags = new LinkedHashSet<>();

        Rendering(MentionResolver resolver) {
            this.resolver = resolver;
        }

        void line(String line, StringBuilder html) {
            Matcher matcher = TOKENS.matcher(line);
            int position = 0;
            while (position < line.length() && matcher.find(position)) {
                html.append(Entities.escape(line.substring(position, matcher.start())));
                int end;
                if (matcher.group("url") != null) {
                    end = matcher.start() + trimUrl(matcher.group("url")).length();
                    link(line.substring(matcher.start(), end), html);
                } else if (matcher.group("user") != null) {
                    end = matcher.end();
                    mention(matcher.group("user"), matcher.group("host"), line.substring(matcher.start(), end), html);
                } else {
                    end = matcher.end();
                    hashtag(matcher.group("tag"), line.substring(matcher.start(), end), html);
                }
                position = end;
            }
            if (position < line.length()) {
                html.append(Entities.escape(line.substring(position)));
            }
        }

        private void link(String url, StringBuilder html) {
            html.append("<a href=\"").append(Entities.escape(url)).append("\" rel=\"").append(LINK_REL).append("\">")
                    .append(Entities.escape(url)).append("</a>");
        }

        private void mention(String username, String host, String typed, StringBuilder html) {
            String key = (username + "@" + (host == null ? "" : host)).toLowerCase(java.util.Locale.ROOT);
            Optional<Account> account = resolved.computeIfAbsent(key, ignored -> resolver.resolve(username, host));
            if (account.isEmpty()) {
                html.append(Entities.escape(typed));
                return;
            }
            mentioned.putIfAbsent(account.get().id(), account.get());
            html.append("<span class=\"h-card\"><a class=\"u-url mention\" href=\"")
                    .append(Entities.escape(account.get().uri().toString())).append("\">@")
                    .append(Entities.escape(account.get().username())).append("</a></span>");
        }

        private void hashtag(String name, String typed, StringBuilder html) {
            if (name.chars().allMatch(Character::isDigit)) {
                html.append(Entities.escape(typed)); // "#1" is a number, not a tag
                return;
            }
            String normal = StatusTagStore.normalize(name);
            tags.add(normal);
            html.append("<a class=\"mention hashtag\" rel=\"tag\" href=\"")
                    .append(Entities.escape(uris.tag(normal).toString())).append("\">#")
                    .append(Entities.escape(name)).append("</a>");
        }
    }

    /** Drops punctuation that ends a sentence rather than the URL, and a ')' that closes a parenthesis. */
    static String trimUrl(String url) {
        String trimmed = url;
        while (trimmed.length() > "https://".length()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            boolean unbalancedParen = last == ')' && count(trimmed, '(') < count(trimmed, ')');
            if (TRAILING_PUNCTUATION.indexOf(last) < 0 && !unbalancedParen) {
                break;
            }
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
