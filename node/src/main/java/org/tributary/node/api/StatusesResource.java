package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import java.util.List;
import org.tributary.node.poll.PollRequest;
import org.tributary.node.poll.PollService;
import org.tributary.node.post.PostExtension;
import org.tributary.node.post.PostRequest;
import org.tributary.node.question.QuestionService;
import org.tributary.node.post.PostService;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.StatusViews;
import org.tributary.node.post.Visibility;
import org.tributary.node.thread.ThreadService;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Mastodon's statuses API: write a post (optionally a reply, with a content warning, a language and media),
 * read one, its source and its conversation, edit and delete one's own. A post the viewer may not read
 * is answered 404, exactly as one that does not exist.
 */
@Path("/api/v1/statuses")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusesResource {
    private final AuthService auth;
    private final PostService posts;
    private final StatusViews views;
    private final ThreadService threads;
    private final StatusVisibility visibility;
    private final ClientModels models;
    private final PollService polls;
    private final QuestionService questions;

    public StatusesResource(AuthService auth, PostService posts, StatusViews views, ThreadService threads,
            StatusVisibility visibility, ClientModels models, PollService polls, QuestionService questions) {
        this.auth = auth;
        this.posts = posts;
        this.views = views;
        this.threads = threads;
        this.visibility = visibility;
        this.models = models;
        this.polls = polls;
        this.questions = questions;
    }

    /**
     * The JSON form of a new or edited post (Mastodon's parameter names; {@code media_ids} are strings of
     * digits); {@code poll} makes it a poll, {@code question} (our extension) marks it as a question.
     */
    public record StatusForm(String status, String visibility, String inReplyToId, String spoilerText,
            Boolean sensitive, String language, List<String> mediaIds, PollForm poll, Boolean question) {
    }

    /** Mastodon's {@code poll[options][]}, {@code poll[expires_in]} (seconds) and {@code poll[multiple]}. */
    public record PollForm(List<String> options, Long expiresIn, Boolean multiple) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public StatusDto createFromJson(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, StatusForm body) {
        return create(authorization, require(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public StatusDto createFromForm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("status") String status, @FormParam("visibility") String visibility,
            @FormParam("in_reply_to_id") String inReplyToId, @FormParam("spoiler_text") String spoilerText,
            @FormParam("sensitive") String sensitive, @FormParam("language") String language,
            @FormParam("media_ids[]") List<String> mediaIds, @FormParam("media_ids") List<String> plainMediaIds,
            @FormParam("poll[options][]") List<String> pollOptions, @FormParam("poll[expires_in]") String expiresIn,
            @FormParam("poll[multiple]") String multiple, @FormParam("question") String question) {
        PollForm poll = pollOptions == null || pollOptions.isEmpty() ? null
                : new PollForm(pollOptions, parseSeconds(expiresIn), Boolean.parseBoolean(multiple));
        return create(authorization, new StatusForm(status, visibility, inReplyToId, spoilerText,
                Boolean.parseBoolean(sensitive), language, concat(mediaIds, plainMediaIds), poll,
                Boolean.parseBoolean(question)));
    }

    @GET
    @Path("{id}")
    public StatusDto status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        return models.statusFor(views.of(visible(viewer, id)), viewer);
    }

    @GET
    @Path("{id}/context")
    public ContextDto context(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        ThreadService.Context context = threads.context(viewer, visible(viewer, id));
        List<Status> thread = new ArrayList<>(context.ancestors());
        thread.addAll(context.descendants());
        List<StatusDto> shown = models.statuses(thread, Optional.of(viewer)); // one read for the whole thread
        int ancestors = context.ancestors().size();
        return new ContextDto(shown.subList(0, ancestors), shown.subList(ancestors, shown.size()));
    }

    /** What the author typed; only the author may ask. */
    @GET
    @Path("{id}/source")
    public StatusSourceDto source(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        Status status = visible(viewer, id);
        if (status.accountId() != viewer.id()) {
            throw ApiException.forbidden("not_author", "only the author may read a post's source");
        }
        return new StatusSourceDto(String.valueOf(id), posts.sourceText(id).orElse(""), status.spoilerText());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StatusDto editFromJson(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id, StatusForm body) {
        return edit(authorization, id, require(body));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public StatusDto editFromForm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") long id, @FormParam("status") String status,
            @FormParam("spoiler_text") String spoilerText, @FormParam("sensitive") String sensitive,
            @FormParam("language") String language, @FormParam("media_ids[]") List<String> mediaIds,
            @FormParam("media_ids") List<String> plainMediaIds) {
        return edit(authorization, id, new StatusForm(status, null, null, spoilerText,
                Boolean.parseBoolean(sensitive), language, concat(mediaIds, plainMediaIds), null, null));
    }

    /** Deletes one's own post and answers with it as it was, with its source text (Mastodon's "delete and redraft"). */
    @DELETE
    @Path("{id}")
    public StatusDto delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        Account viewer = auth.require(authorization);
        String source = posts.sourceText(id).orElse(null);
        StatusView deleted = posts.delete(viewer, id);
        return models.status(deleted, source);
    }

    private StatusDto create(String authorization, StatusForm form) {
        Account author = auth.require(authorization);
        PostRequest request = postRequest(form);
        boolean question = Boolean.TRUE.equals(form.question());
        if (question && form.poll() != null) {
            throw new ApiException(422, "invalid_poll", "a post is a poll or a question, not both");
        }
        PostExtension extension = PostExtension.NONE;
        if (form.poll() != null) {
            PollForm poll = form.poll();
            extension = polls.extension(new PollRequest(poll.options(),
                    poll.expiresIn() == null ? 0 : poll.expiresIn(), Boolean.TRUE.equals(poll.multiple())));
        } else if (question) {
            extension = questions.extension();
        }
        Status status = posts.post(author, request, extension);
        return models.status(views.of(status));
    }

    /** A new post from a client's parameters. */
    static PostRequest postRequest(StatusForm form) {
        Visibility level;
        try {
            level = form.visibility() == null || form.visibility().isBlank() ? Visibility.ORGANIZATION
                    : Visibility.parse(form.visibility());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_visibility", e.getMessage());
        }
        return new PostRequest(form.status(), level, parseId(form.inReplyToId()), form.spoilerText(),
                Boolean.TRUE.equals(form.sensitive()), form.language(), mediaIdsOf(form.mediaIds()));
    }

    /** A new post from parameters in any encoding (form, JSON, multipart). */
    static PostRequest postRequest(RequestParams params) {
        return postRequest(new StatusForm(params.get("status"), params.get("visibility"),
                params.get("in_reply_to_id"), params.get("spoiler_text"),
                Boolean.parseBoolean(params.get("sensitive")), params.get("language"), params.all("media_ids"),
                null, null));
    }

    private static Long parseSeconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(422, "invalid_poll", "poll[expires_in] is a number of seconds");
        }
    }

    private StatusDto edit(String authorization, long id, StatusForm form) {
        Account editor = auth.require(authorization);
        Status edited = posts.edit(editor, id, new PostRequest(form.status(), null, null, form.spoilerText(),
                Boolean.TRUE.equals(form.sensitive()), form.language(), mediaIdsOf(form.mediaIds())));
        return models.statusFor(views.of(edited), editor);
    }

    private Status visible(Account viewer, long id) {
        return posts.find(id).filter(found -> visibility.canSee(viewer, found))
                .orElseThrow(() -> ApiException.notFound("status"));
    }

    private static StatusForm require(StatusForm body) {
        if (body == null) {
            throw ApiException.badRequest("invalid_request", "a status body is required");
        }
        return body;
    }

    /** {@code media_ids}: the ids as Mastodon sends them, strings of digits. */
    private static List<Long> mediaIdsOf(List<String> mediaIds) {
        if (mediaIds == null) {
            return List.of();
        }
        try {
            return mediaIds.stream().filter(id -> id != null && !id.isBlank()).map(id -> Long.parseLong(id.strip()))
                    .toList();
        } catch (NumberFormatException e) {
            throw new ApiException(422, "invalid_media", "media ids are numbers");
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>();
        if (first != null) {
            all.addAll(first);
        }
        if (second != null) {
            all.addAll(second);
        }
        return all;
    }

    private static Long parseId(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("status");
        }
    }
}
