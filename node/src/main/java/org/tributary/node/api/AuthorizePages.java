package org.tributary.node.api;

import java.util.Optional;
import org.tributary.node.oauth.AuthorizationRequest;

/**
 * The few HTML pages of the authorization flow. Everything that comes from a client or an employee is
 * escaped; the pages have no script and no inline style, and are served with a CSP that forbids both.
 */
final class AuthorizePages {
    private final String department;

    AuthorizePages(String department) {
        this.department = department;
    }

    String loginForm(AuthorizationRequest request, String csrf, Optional<String> problem, String username) {
        StringBuilder html = start("Authorize " + request.app().name());
        html.append("<h1>").append(escape(request.app().name())).append(" wants to use your account</h1>\n");
        if (request.app().website() != null) {
            html.append("<p>Application website: ").append(escape(request.app().website().toString()))
                    .append("</p>\n");
        }
        html.append("<p>It asks for: <code>").append(escape(request.scopes().toString())).append("</code></p>\n");
        problem.ifPresent(text -> html.append("<p role=\"alert\" id=\"problem\">").append(escape(text)).append("</p>\n"));
        html.append("<form method=\"post\" action=\"/oauth/authorize\">\n");
        hidden(html, "csrf_token", csrf);
        hidden(html, "response_type", "code");
        hidden(html, "client_id", request.app().clientId());
        hidden(html, "redirect_uri", request.redirectUri());
        hidden(html, "scope", request.scopes().toString());
        request.state().ifPresent(state -> hidden(html, "state", state));
        request.codeChallenge().ifPresent(challenge -> {
            hidden(html, "code_challenge", challenge);
            hidden(html, "code_challenge_method", "S256");
        });
        html.append("<p><label>Username <input name=\"username\" autocomplete=\"username\" required value=\"")
                .append(escape(username)).append("\"></label></p>\n")
                .append("<p><label>Password <input name=\"password\" type=\"password\" "
                        + "autocomplete=\"current-password\" required></label></p>\n")
                .append("<p><button name=\"decision\" value=\"approve\" type=\"submit\">Authorize</button>\n")
                .append("<button name=\"decision\" value=\"deny\" type=\"submit\" formnovalidate>Deny</button></p>\n")
                .append("</form>\n");
        return end(html);
    }

    /** For {@code urn:ietf:wg:oauth:2.0:oob}: the employee copies the code into the app by hand. */
    String showCode(String appName, String code) {
        StringBuilder html = start("Authorization code");
        html.append("<h1>Authorization code</h1>\n<p>Copy this code into ").append(escape(appName)).append(":</p>\n")
                .append("<p><code id=\"code\">").append(escape(code)).append("</code></p>\n");
        return end(html);
    }

    String error(String code, String message) {
        StringBuilder html = start("Authorization failed");
        html.append("<h1>Authorization failed</h1>\n<p>").append(escape(message)).append("</p>\n")
                .append("<p>Error code: <code id=\"error-code\">").append(escape(code)).append("</code></p>\n");
        return end(html);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append(" · Tributary ").append(escape(department))
                .append("</title>\n</head>\n<body>\n<p>Tributary · ").append(escape(department)).append("</p>\n");
    }

    private static String end(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }

    private static void hidden(StringBuilder html, String name, String value) {
        html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value))
                .append("\">\n");
    }
}
