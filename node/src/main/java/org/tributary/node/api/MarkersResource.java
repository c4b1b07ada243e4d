package org.tributary.node.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.timeline.Marker;
import org.tributary.node.timeline.Markers;

/** Mastodon's read markers: {@code GET ?timeline[]=home} and {@code POST home[last_read_id]=...}. */
@Path("/api/v1/markers")
@Produces(MediaType.APPLICATION_JSON)
public final class MarkersResource {
    private final AuthService auth;
    private final Markers markers;

    public MarkersResource(AuthService auth, Markers markers) {
        this.auth = auth;
        this.markers = markers;
    }

    @GET
    public Response read(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("timeline[]") List<String> timelines, @QueryParam("timeline") List<String> plain) {
        Account employee = auth.require(authorization);
        List<String> wanted = new ArrayList<>(timelines);
        wanted.addAll(plain);
        return json(markers.read(employee, wanted));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response save(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account employee = auth.require(authorization);
        RequestParams params = RequestParams.parse(contentType, body);
        Map<String, Long> positions = new LinkedHashMap<>();
        for (String timeline : Markers.TIMELINES) {
            params.first(timeline + "[last_read_id]").ifPresent(id -> positions.put(timeline, parseId(id)));
        }
        return json(markers.save(employee, positions));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_id", "last_read_id must be a status id");
        }
    }

    private static Response json(Map<String, Marker> found) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        found.forEach((timeline, marker) -> body.add(timeline, Json.createObjectBuilder()
                .add("last_read_id", String.valueOf(marker.lastReadId()))
                .add("version", marker.version())
                .add("updated_at", DateTimeFormatter.ISO_INSTANT.format(
                        marker.updatedAt().truncatedTo(ChronoUnit.MILLIS)))));
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON).build();
    }
}
