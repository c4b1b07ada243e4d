package org.tributary.node.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.tributary.node.account.Account;
import org.tributary.node.auth.AuthService;
import org.tributary.node.http.ApiException;
import org.tributary.node.post.StatusView;
import org.tributary.node.question.QuestionService;
import org.tributary.node.question.QuestionView;

/**
 * Questions (our extension): ask one (the same parameters as a post), list open or answered ones, read
 * one, and accept an answer ({@code answer_id}, a reply to the question; the asker only).
 */
@Path("/api/v1/questions")
@Produces(MediaType.APPLICATION_JSON)
public final class QuestionsResource {
    private final AuthService auth;
    private final QuestionService questions;
    private final ClientModels models;

    public QuestionsResource(AuthService auth, QuestionService questions, ClientModels models) {
        this.auth = auth;
        this.questions = questions;
        this.models = models;
    }

    /** {@code status}, {@code visibility}, {@code spoiler_text}, {@code language}; form or JSON. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public QuestionDto ask(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account asker = auth.require(authorization);
        RequestParams params = RequestParams.parse(contentType, body);
        return dto(questions.ask(asker, StatusesResource.postRequest(params)), asker);
    }

    /** {@code state}: {@code open}, {@code answered} or {@code all} (the default). */
    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("state") String state, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
            @QueryParam("min_id") Long minId, @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Account viewer = auth.require(authorization);
        List<QuestionView> found = questions.list(viewer, state(state), Paging.page(maxId, sinceId, minId, limit));
        List<StatusView> shown = new ArrayList<>();
        for (QuestionView view : found) {
            shown.add(view.post());
            view.acceptedAnswer().ifPresent(shown::add);
        }
        Map<Long, StatusDto> posts = models.statusesByIdFor(shown, viewer);
        return Paging.respond(found.stream().map(view -> dto(view, post -> posts.get(post.status().id()))).toList(),
                found, view -> view.question().statusId(), uri);
    }

    @GET
    @Path("{id}")
    public QuestionDto one(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Account viewer = auth.require(authorization);
        return dto(questions.find(viewer, parseId(id, "question"))
                .orElseThrow(() -> ApiException.notFound("question")), viewer);
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.WILDCARD)
    public QuestionDto accept(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Account asker = auth.require(authorization);
        String answer = RequestParams.parse(contentType, body).first("answer_id")
                .orElseThrow(() -> new ApiException(422, "missing_answer", "answer_id is required"));
        return dto(questions.accept(asker, parseId(id, "question"), parseId(answer, "answer")), asker);
    }

    /** The question and its accepted answer as {@code viewer} sees them: with whether they liked and boosted. */
    private QuestionDto dto(QuestionView view, Account viewer) {
        return dto(view, post -> models.statusFor(post, viewer));
    }

    private QuestionDto dto(QuestionView view, Function<StatusView, StatusDto> rendered) {
        var question = view.question();
        return new QuestionDto(String.valueOf(question.statusId()), question.isAnswered() ? "answered" : "open",
                question.acceptedAnswer() == null ? null : question.acceptedAnswer().toString(),
                question.acceptedAt() == null ? null
                        : DateTimeFormatter.ISO_INSTANT.format(question.acceptedAt().truncatedTo(ChronoUnit.MILLIS)),
                view.acceptedAnswer().map(rendered).orElse(null), rendered.apply(view.post()));
    }

    private static QuestionService.State state(String text) {
        if (text == null || text.isBlank()) {
            return QuestionService.State.ALL;
        }
        try {
            return QuestionService.State.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_state", "state is open, answered or all");
        }
    }

    private static long parseId(String id, String what) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound(what);
        }
    }
}
