package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * Mastodon's version 2 upload. Ours finishes before answering, so it answers 200 with the attachment
 * (Mastodon answers 202 only while it is still processing). A class of its own, because JAX-RS picks a
 * root resource by its literal path prefix and never backtracks.
 */
@Path("/api/v2/media")
@Produces(MediaType.APPLICATION_JSON)
public final class MediaV2Resource {
    private final MediaResource v1;

    public MediaV2Resource(MediaResource v1) {
        this.v1 = v1;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public MediaAttachmentDto upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        return v1.upload(authorization, contentType, contentLength, body);
    }
}
