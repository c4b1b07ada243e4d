package org.tributary.node.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.account.Role;
import org.tributary.node.config.LocalUris;
import org.tributary.node.config.NodeConfig;

/** What typed text becomes: escaped HTML with links, mention links, hashtag links, and what it names. */
class StatusTextFormatterTest {
    private static final URI BASE = URI.create("http://finance.test:8080");
    private static final Account ANN = account(1, "ann", "");
    private static final Account BOB = account(2, "bob", "sales.test:9090");

    private final StatusTextFormatter formatter = new StatusTextFormatter(new LocalUris(new NodeConfig(BASE,
            "127.0.0.1", 8080, Path.of("target"), "finance", 1024, Duration.ofHours(1), Duration.ofMinutes(5))));
    private final List<String> lookedUp = new ArrayList<>();
    private final MentionResolver resolver = (username, authority) -> {
        lookedUp.add(username + "@" + authority);
        if (username.equals("ann") && authority == null) {
            return Optional.of(ANN);
        }
        if (username.equals("bob") && "sales.test:9090".equals(authority)) {
            return Optional.of(BOB);
        }
        return Optional.empty();
    };

    @Test
    void escapesTextAndKeepsParagraphsAndLineBreaks() {
        FormattedText text = formatter.format("a <b>&\nnext\n\nsecond", resolver);
        assertEquals("<p>a &lt;b&gt;&amp;<br>next</p><p>second</p>", text.html());
    }

    @Test
    void linksHttpUrlsWithoutTrailingPunctuation() {
        FormattedText text = formatter.format("see https://example.com/a?b=1&c=2. and (http://x.test/p)", resolver);
        assertEquals("<p>see <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">"
                + "https://example.com/a?b=1&amp;c=2</a>. and (<a href=\"http://x.test/p\" "
                + "rel=\"nofollow noopener noreferrer\">http://x.test/p</a>)</p>", text.html());
    }

    @Test
    void otherSchemesStayText() {
        FormattedText text = formatter.format("javascript:alert(1) ftp://x.test data:text/html,hi", resolver);
        assertFalse(text.html().contains("<a"), text.html());
    }

    @Test
    void mentionsOfKnownAccountsBecomeHCardLinks() {
        FormattedText text = formatter.format("hi @ann and @bob@sales.test:9090, not @nobody or a@b.test", resolver);
        assertEquals("<p>hi <span class=\"h-card\"><a class=\"u-url mention\" href=\"http://finance.test:8080/users/ann\">"
                + "@ann</a></span> and <span class=\"h-card\"><a class=\"u-url mention\" "
                + "href=\"http://sales.test:9090/users/bob\">@bob</a></span>, not @nobody or a@b.test</p>", text.html());
        assertEquals(List.of(ANN, BOB), text.mentions());
        assertEquals(List.of("ann@null", "bob@sales.test:9090", "nobody@null"), lookedUp);
    }

    @Test
    void aHandleTypedTwiceIsLookedUpAndListedOnce() {
        FormattedText text = formatter.format("@ann @ann", resolver);
        assertEquals(List.of(ANN), text.mentions());
        assertEquals(1, lookedUp.size());
    }

    @Test
    void hashtagsBecomeLinksAndAreCollectedLowerCase() {
        FormattedText text = formatter.format("#Budget and #budget, #2024 is a number, a#b is not", resolver);
        assertEquals("<p><a class=\"mention hashtag\" rel=\"tag\" href=\"http://finance.test:8080/tags/budget\">"
                + "#Budget</a> and <a class=\"mention hashtag\" rel=\"tag\" "
                + "href=\"http://finance.test:8080/tags/budget\">#budget</a>, #2024 is a number, a#b is not</p>",
                text.html());
        assertEquals(List.of("budget"), text.tags());
    }

    @Test
    void whatItWritesSurvivesTheSanitizerUnchangedExceptForTheEnforcedRel() {
        String html = formatter.format("@ann #tag https://example.com", resolver).html();
        String sanitized = new HtmlSanitizer().sanitize(html);
        assertTrue(sanitized.contains("class=\"u-url mention\""), sanitized);
        assertTrue(sanitized.contains("class=\"h-card\""), sanitized);
        assertTrue(sanitized.contains("href=\"https://example.com\""), sanitized);
    }

    private static Account account(long id, String username, String authority) {
        URI uri = URI.create((authority.isEmpty() ? BASE.toString() : "http://" + authority) + "/users/" + username);
        return new Account(id, username, authority, uri, username, "", uri, null, null, false, Role.EMPLOYEE, false,
                Instant.EPOCH);
    }
}
