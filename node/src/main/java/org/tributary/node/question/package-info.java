/**
 * Questions ("I've got a question"): a post marked as a question, answered by replies; its asker
 * accepts one reply as the answer, which is federated as an Update of the question carrying
 * schema.org's {@code acceptedAnswer}. Lists of open and answered questions are read from here.
 */
package org.tributary.node.question;
