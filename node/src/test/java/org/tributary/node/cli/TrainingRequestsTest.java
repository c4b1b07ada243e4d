package org.tributary.node.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.node.cli.TrainingRequests.TrainingFailure;
import org.tributary.node.testing.TestNode;

/** The class-data archive's training stays in step with what a node serves. */
class TrainingRequestsTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("training");
        node.addEmployee(TrainingRequests.USERNAME);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aWorkingNodeAnswersEveryTrainingRequestAsExpected() {
        TrainingRequests requests = new TrainingRequests(node.baseUrl());

        assertDoesNotThrow(() -> requests.awaitServing(Duration.ofSeconds(5), () -> true));
        assertDoesNotThrow(() -> requests.run(TestNode.PASSWORD));
    }

    @Test
    void anUnexpectedAnswerFailsTheTrainingAndSaysWhich() {
        TrainingFailure failure = assertThrows(TrainingFailure.class,
                () -> new TrainingRequests(node.baseUrl()).run("not the password"));

        assertTrue(failure.getMessage().startsWith("POST /oauth/token answered 4"), failure.getMessage());
    }

    @Test
    void aNodeThatStoppedBeforeServingFailsTheTraining() {
        TrainingFailure failure = assertThrows(TrainingFailure.class,
                () -> new TrainingRequests(java.net.URI.create("http://127.0.0.1:" + TestNode.freePort()))
                        .awaitServing(Duration.ofSeconds(5), () -> false));

        assertTrue(failure.getMessage().contains("stopped before it served"), failure.getMessage());
    }
}
