package org.tributary.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ExceptionMappersTest {

    @Test
    void ourRefusalsKeepTheirStatusCodeAndMessage() {
        Response response = new ExceptionMappers.ApiExceptionMapper()
                .toResponse(new ApiException(409, "username_taken", "the username bob is taken"));
        assertEquals(409, response.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        assertEquals(body("the username bob is taken", "username_taken"), json(response));
        assertEquals(body("account not found", "not_found"), json(new ExceptionMappers.ApiExceptionMapper()
                .toResponse(ApiException.notFound("account"))));
    }

    @Test
    void jerseysOwnFailuresGetCodesFromTheirStatus() {
        ExceptionMappers.WebApplicationExceptionMapper mapper = new ExceptionMappers.WebApplicationExceptionMapper();
        assertEquals(body("not found", "not_found"), json(mapper.toResponse(new NotFoundException())));
        assertEquals("method_not_allowed", json(mapper.toResponse(new NotAllowedException("GET"))).getString("code"));
        assertEquals("unsupported_content_type", json(mapper.toResponse(new NotSupportedException()))
                .getString("code"));
        Response teapot = mapper.toResponse(new WebApplicationException(418));
        assertEquals(418, teapot.getStatus());
        assertEquals("http_418", json(teapot).getString("code"));
    }

    @Test
    void anythingElseIsAnOpaque500() {
        Logger logger = Logger.getLogger(ExceptionMappers.class.getName());
        Level before = logger.getLevel();
        logger.setLevel(Level.OFF); // the stack trace is expected here
        try {
            Response response = new ExceptionMappers.UnexpectedExceptionMapper()
                    .toResponse(new IllegalStateException("db password is hunter2"));
            assertEquals(500, response.getStatus());
            assertEquals(body("internal error", "internal_error"), json(response));
            assertFalse(response.getEntity().toString().contains("hunter2"));
        } finally {
            logger.setLevel(before);
        }
    }

    @Test
    void theCatchAllStillHonoursKnownExceptions() {
        ExceptionMappers.UnexpectedExceptionMapper mapper = new ExceptionMappers.UnexpectedExceptionMapper();
        assertEquals(401, mapper.toResponse(ApiException.unauthorized()).getStatus());
        assertEquals(404, mapper.toResponse(new NotFoundException()).getStatus());
    }

    private static JsonObject body(String error, String code) {
        return Json.createObjectBuilder().add("error", error).add("code", code).build();
    }

    private static JsonObject json(Response response) {
        return Json.createReader(new StringReader(response.getEntity().toString())).readObject();
    }
}
