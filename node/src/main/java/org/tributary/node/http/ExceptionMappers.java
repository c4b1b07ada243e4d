package org.tributary.node.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps every exception that reaches Jersey to the node's JSON error body, in one place. */
public final class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    /** Our own refusals. */
    public static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return ErrorBodies.response(e.status(), e.code(), e.getMessage());
        }
    }

    /** Jersey's own (unknown path, wrong method, unparseable entity...), with codes derived from the status. */
    public static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String code = switch (status) {
                case 400 -> "bad_request";
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 406 -> "not_acceptable";
                case 413 -> "body_too_large";
                case 415 -> "unsupported_content_type";
                default -> "http_" + status;
            };
            String message = status == 404 ? "not found" : e.getResponse().getStatusInfo().getReasonPhrase();
            return ErrorBodies.response(status, code, message);
        }
    }

    /** Anything else is our bug: log it, and tell the caller nothing about internals. */
    public static final class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof ApiException api) {
                return new ApiExceptionMapper().toResponse(api);
            }
            if (e instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            LOG.log(Level.SEVERE, "unexpected error while handling a request", e);
            return ErrorBodies.response(500, "internal_error", "internal error");
        }
    }
}
