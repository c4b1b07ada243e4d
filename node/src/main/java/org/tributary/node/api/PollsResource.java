package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.poll.PollService;

/** Mastodon's polls API: read a poll (its id is its post's) and vote with {@code choices[]}. */
@Path("/api/v1/polls")
@Produces(MediaType.APPLICATION_JSON)
public final class PollsResource {
    private final AuthService auth;
    private final PollService polls;
    private final ClientModels models;

    public PollsResource(AuthService auth, PollService polls, ClientModels models) {
        this.auth = auth;
        this.polls = polls;
        this.models = models;
    }

    @GET
    @Path("{id}")
    public PollDto poll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Account viewer = auth.require(authorization);
        return models.poll(polls.find(viewer, parseId(id)).orElseThrow(() -> ApiException.notFound("poll")));
    }

    @POST
    @Path("{id}/votes")
    @Consumes(MediaType.WILDCARD)
    public PollDto vote(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account voter = auth.require(authorization);
        List<Integer> choices = new ArrayList<>();
        for (String choice : RequestParams.parse(contentType, body).all("choices")) {
            try {
                choices.add(Integer.parseInt(choice.strip()));
            } catch (NumberFormatException e) {
                throw new ApiException(422, "invalid_choice", "choices are option numbers, from 0");
            }
        }
        return models.poll(polls.vote(voter, parseId(id), choices));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("poll");
        }
    }
}
