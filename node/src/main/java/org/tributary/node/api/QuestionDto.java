package org.tributary.node.api;

/**
 * A question as clients read it ({@code /api/v1/questions}): {@code id} is its post's id; {@code state}
 * is {@code open} or {@code answered}; the accepted answer's fields are {@code null} while open
 * ({@code acceptedAnswer} also when the answer is not known here).
 */
public record QuestionDto(String id, String state, String acceptedAnswerUri, String acceptedAt,
        StatusDto acceptedAnswer, StatusDto status) {
}
