package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.media.MediaService;

/**
 * Mastodon's media API, version 1: upload ({@code POST}), read and re-describe one's own upload.
 * The version 2 upload ({@link MediaV2Resource}) is the same operation.
 */
@Path("/api/v1/media")
@Produces(MediaType.APPLICATION_JSON)
public final class MediaResource {
    private final AuthService auth;
    private final MediaService media;
    private final MediaModels models;

    public MediaResource(AuthService auth, MediaService media, MediaModels models) {
        this.auth = auth;
        this.media = media;
        this.models = models;
    }

    /** The JSON form of a description change. */
    public record DescriptionChange(String description) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public MediaAttachmentDto upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        // Authenticate before reading a byte of the body.
        Account owner = auth.require(authorization);
        MultipartUpload.Form form = MultipartUpload.read(contentType, contentLength, body,
                media.limits().maxUploadBytes());
        return models.attachment(media.upload(owner, form.file(), form.description(), form.focus()));
    }

    @GET
    @Path("{id}")
    public MediaAttachmentDto get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        Account owner = auth.require(authorization);
        return models.attachment(media.ownedBy(owner, parseId(id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MediaAttachmentDto describeFromForm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, @FormParam("description") String description) {
        Account owner = auth.require(authorization);
        return models.attachment(media.describe(owner, parseId(id), description));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MediaAttachmentDto describeFromJson(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, DescriptionChange change) {
        Account owner = auth.require(authorization);
        return models.attachment(media.describe(owner, parseId(id), change == null ? null : change.description()));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("media");
        }
    }
}
