package org.tributary.node.outbound;

import java.net.URI;
import java.util.List;
import org.tributary.federation.vocab.Activity;
import org.tributary.federation.vocab.As2;
import org.tributary.federation.vocab.TributaryTerms;

/**
 * The wire form of a question (see {@code spec/questions-polls-events.md}): a Note that also declares
 * schema.org's {@code Question} type ({@code "schema:Question"}, the prefix is in our context), so a
 * generic server shows a Note; once answered it carries {@code acceptedAnswer} (the reply's id),
 * which our context maps to {@code schema:acceptedAnswer}.
 */
public final class QuestionActivities {
    /** The extra type, written compactly with the {@code schema} prefix of our context. */
    public static final String SCHEMA_QUESTION = "schema:Question";
    public static final List<String> TYPES = List.of(As2.NOTE, SCHEMA_QUESTION);

    /** The activity with its Note marked as a question and, when {@code acceptedAnswer} is set, carrying it. */
    public Activity shape(Activity plain, URI acceptedAnswer) {
        return ObjectShapes.reshape(plain, TYPES, object -> {
            if (acceptedAnswer != null) {
                object.add(TributaryTerms.ACCEPTED_ANSWER, acceptedAnswer.toString());
            }
        });
    }
}
