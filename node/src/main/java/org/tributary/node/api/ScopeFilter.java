package org.tributary.node.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.tributary.node.auth.AccessToken;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ErrorBodies;

/**
 * Refuses, with 403 {@code insufficient_scope}, a request whose bearer token lacks the scope the endpoint
 * needs ({@link RequiredScopes}). Requests without a valid token pass through: each resource decides
 * whether it needs one and answers 401 itself. Runs after matching, so unknown paths stay 404.
 */
@Priority(Priorities.AUTHORIZATION)
public final class ScopeFilter implements ContainerRequestFilter {
    private final AuthService auth;
    private final RequiredScopes required = new RequiredScopes();

    public ScopeFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> scope = required.of(request.getMethod(), request.getUriInfo().getPath());
        if (scope.isEmpty()) {
            return;
        }
        Optional<AccessToken> token = auth.token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token.isPresent() && !token.get().scopes().allows(scope.get())) {
            request.abortWith(ErrorBodies.response(403, "insufficient_scope",
                    "This action is outside the authorized scopes (needs " + scope.get() + ")"));
        }
    }
}
