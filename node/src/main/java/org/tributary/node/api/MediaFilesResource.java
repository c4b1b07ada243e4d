package org.tributary.node.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Path;
import org.tributary.node.activitypub.SignedGetVerifier;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.media.MediaAccess;
import org.tributary.node.media.MediaAttachment;
import org.tributary.node.media.MediaFileStore;
import org.tributary.node.media.MediaKind;
import org.tributary.node.media.MediaReader;

/**
 * Serves stored files at {@code /media/<sha256>} to an employee (bearer token) or a peer (signed GET),
 * under {@link MediaAccess}'s rule. Unauthenticated: 401; a signature from a host not on the allowlist:
 * 403; a file the reader may not see: 404, the same as no file, so hashes cannot be probed. The headers
 * keep a browser from treating the bytes as anything but the detected type, and never as a page.
 */
@jakarta.ws.rs.Path("/media")
public final class MediaFilesResource {
    /** The name is the content's hash, so the bytes behind a URL never change. */
    private static final String CACHE = "private, max-age=31536000, immutable";
    private static final String SANDBOX = "default-src 'none'; sandbox";

    private final AuthService auth;
    private final SignedGetVerifier signedGets;
    private final MediaAccess access;
    private final MediaFileStore files;

    public MediaFilesResource(AuthService auth, SignedGetVerifier signedGets, MediaAccess access,
            MediaFileStore files) {
        this.auth = auth;
        this.signedGets = signedGets;
        this.access = access;
        this.files = files;
    }

    @GET
    @jakarta.ws.rs.Path("{sha256}")
    public Response file(@PathParam("sha256") String sha256,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        MediaReader reader = readerOf(authorization, uri, headers);
        if (!MediaFileStore.isSha256(sha256)) {
            throw ApiException.notFound("media");
        }
        MediaAttachment media = access.readable(sha256, reader).orElseThrow(() -> ApiException.notFound("media"));
        Path file = files.find(sha256).orElseThrow(() -> ApiException.notFound("media"));
        String etag = "\"" + sha256 + "\"";
        Response.ResponseBuilder response;
        if (etag.equals(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            response = Response.notModified();
        } else {
            response = Response.ok(file.toFile(), media.mediaType());
        }
        String disposition = media.kind() == MediaKind.IMAGE ? "inline" : "attachment";
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header("Content-Disposition", disposition + "; filename=\"" + sha256 + extensionOf(media) + "\"")
                .header("Vary", "Authorization, Signature")
                .build();
    }

    /** A bearer token wins; otherwise the request must carry an HTTP signature from an allowlisted peer. */
    private MediaReader readerOf(String authorization, UriInfo uri, HttpHeaders headers) {
        boolean signatureInAuthorization = authorization != null
                && authorization.regionMatches(true, 0, "Signature ", 0, "Signature ".length());
        if (authorization != null && !authorization.isBlank() && !signatureInAuthorization) {
            return new MediaReader.Employee(auth.require(authorization));
        }
        if (!signatureInAuthorization && headers.getHeaderString("Signature") == null
                && headers.getHeaderString("Signature-Input") == null) {
            throw ApiException.unauthorized();
        }
        return new MediaReader.Peer(signedGets.requireSigner(uri, headers));
    }

    private static String extensionOf(MediaAttachment media) {
        return switch (media.mediaType()) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }
}
