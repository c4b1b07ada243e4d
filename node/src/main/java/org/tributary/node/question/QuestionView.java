package org.tributary.node.question;

import java.util.Optional;
import org.tributary.node.post.StatusView;

/** A question with its post and, when accepted and known here, the accepted answer's post. */
public record QuestionView(Question question, StatusView post, Optional<StatusView> acceptedAnswer) {
}
