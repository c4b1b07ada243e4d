package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.oauth.AuthorizationCheck;
import org.tributary.node.oauth.AuthorizationRequest;
import org.tributary.node.oauth.OAuthService;

/**
 * {@code /oauth/authorize}: the page where an employee lets an app act for them. GET checks the
 * request and shows a login form; POST checks the form, the password and the anti-forgery token, then
 * sends the code to the app's redirect URI (or shows it, for the out-of-band URI).
 */
@Path("/oauth/authorize")
public final class AuthorizeResource {
    private static final String HTML = "text/html; charset=utf-8";
    private static final Pattern ORIGIN = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9.:\\[\\]-]+");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    private final OAuthService oauth;
    private final AuthService auth;
    private final CsrfTokens csrf;
    private final AuthorizePages pages;
    private final boolean secureCookies;

    public AuthorizeResource(OAuthService oauth, AuthService auth, CsrfTokens csrf, String department,
            boolean secureCookies) {
        this.oauth = oauth;
        this.auth = auth;
        this.csrf = csrf;
        this.pages = new AuthorizePages(department);
        this.secureCookies = secureCookies;
    }

    @GET
    public Response show(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
            @QueryParam("state") String state, @QueryParam("code_challenge") String codeChallenge,
            @QueryParam("code_challenge_method") String codeChallengeMethod) {
        AuthorizationCheck check = oauth.checkAuthorization(responseType, clientId, redirectUri, scope, state,
                codeChallenge, codeChallengeMethod);
        if (check instanceof AuthorizationCheck.Valid valid) {
            return loginForm(200, valid.request(), Optional.empty(), "");
        }
        return refusal(check);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@CookieParam(CsrfTokens.COOKIE) String csrfCookie, @FormParam("csrf_token") String csrfField,
            @FormParam("response_type") String responseType, @FormParam("client_id") String clientId,
            @FormParam("redirect_uri") String redirectUri, @FormParam("scope") String scope,
            @FormParam("state") String state, @FormParam("code_challenge") String codeChallenge,
            @FormParam("code_challenge_method") String codeChallengeMethod, @FormParam("username") String username,
            @FormParam("password") String password, @FormParam("decision") String decision) {
        AuthorizationCheck check = oauth.checkAuthorization(responseType, clientId, redirectUri, scope, state,
                codeChallenge, codeChallengeMethod);
        if (!(check instanceof AuthorizationCheck.Valid valid)) {
            return refusal(check);
        }
        AuthorizationRequest request = valid.request();
        if (!csrf.verify(csrfField, csrfCookie)) {
            return page(403, pages.error("csrf_failed",
                    "The form expired or did not come from this node. Go back to the application and start again."),
                    request);
        }
        if ("deny".equals(decision)) {
            return redirectError(request.redirectUri(), request.state(), "access_denied",
                    "the employee denied the request");
        }
        Optional<Account> account = auth.verifyPassword(username, password);
        if (account.isEmpty()) {
            return loginForm(401, request, Optional.of("The username or password is wrong."),
                    username == null ? "" : username);
        }
        String code = oauth.issueCode(request, account.get());
        if (request.isOutOfBand()) {
            return page(200, pages.showCode(request.app().name(), code), request);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        request.state().ifPresent(value -> parameters.put("state", value));
        return noStore(Response.seeOther(withQuery(request.redirectUri(), parameters))).build();
    }

    private Response loginForm(int status, AuthorizationRequest request, Optional<String> problem, String username) {
        String token = csrf.issue();
        String cookie = CsrfTokens.COOKIE + "=" + token + "; Path=/oauth/authorize; HttpOnly; SameSite=Strict"
                + "; Max-Age=" + CsrfTokens.LIFETIME.toSeconds() + (secureCookies ? "; Secure" : "");
        return noStore(Response.status(status).type(HTML).entity(pages.loginForm(request, token, problem, username)))
                .header("Content-Security-Policy", policy(request)).header("Set-Cookie", cookie).build();
    }

    private Response refusal(AuthorizationCheck check) {
        if (check instanceof AuthorizationCheck.RedirectError redirect) {
            return redirectError(redirect.redirectUri(), redirect.state(), redirect.error(), redirect.message());
        }
        AuthorizationCheck.Refused refused = (AuthorizationCheck.Refused) check;
        return page(400, pages.error(refused.code(), refused.message()), null);
    }

    /** Errors for a known client go back to it, except for the out-of-band URI, where they are shown. */
    private Response redirectError(String redirectUri, Optional<String> state, String error, String message) {
        if (org.tributary.node.oauth.RedirectUris.OUT_OF_BAND.equals(redirectUri)) {
            return page(400, pages.error(error, message), null);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", message);
        state.ifPresent(value -> parameters.put("state", value));
        return noStore(Response.seeOther(withQuery(redirectUri, parameters))).build();
    }

    private Response page(int status, String html, AuthorizationRequest request) {
        return noStore(Response.status(status).type(HTML).entity(html))
                .header("Content-Security-Policy", policy(request)).build();
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    /**
     * No script, no style, no framing. Browsers apply {@code form-action} to the redirect that follows
     * the form, so the app's redirect target is allowed there too.
     */
    private static String policy(AuthorizationRequest request) {
        String formAction = "'self'";
        if (request != null && !request.isOutOfBand()) {
            URI target = URI.create(request.redirectUri());
            String origin = target.getScheme() + "://" + target.getRawAuthority();
            if (target.getRawAuthority() != null && ORIGIN.matcher(origin).matches()) {
                formAction += " " + origin;
            } else if (SCHEME.matcher(target.getScheme()).matches()) {
                formAction += " " + target.getScheme() + ":";
            }
        }
        return "default-src 'none'; form-action " + formAction + "; frame-ancestors 'none'; base-uri 'none'";
    }

    private static URI withQuery(String base, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }
}
