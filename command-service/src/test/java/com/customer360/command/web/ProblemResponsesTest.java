package com.customer360.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.customer360.command.Unavailable;
import com.mongodb.MongoTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;

/** An unexpected failure is logged by type and stack frames only: its messages may quote what the caller sent. */
class ProblemResponsesTest {

    private static final String EMAIL = "ada.privacy-probe@example.com";

    private final Logger logger = (Logger) LoggerFactory.getLogger(ProblemResponses.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(logged);
    }

    @Test
    void shouldLogAnUnexpectedFailureWithoutItsMessages() {
        new ProblemResponses()
                .unexpected(new IllegalStateException(
                        "cannot store " + EMAIL, new IllegalArgumentException("bad value " + EMAIL)));

        String logLine = ThrowableProxyUtil.asString(logged.list.get(0).getThrowableProxy());
        assertThat(logLine).contains("java.lang.IllegalStateException", "java.lang.IllegalArgumentException");
        assertThat(logLine).contains("ProblemResponsesTest.shouldLogAnUnexpectedFailureWithoutItsMessages");
        assertThat(logLine).doesNotContain(EMAIL);
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWithoutItsMessage() {
        ProblemDetail problem = new ProblemResponses().unexpected(new IllegalStateException("cannot store " + EMAIL));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain(EMAIL);
    }

    @Test
    void shouldAnswerAStoreThatCannotBeReachedWithServiceUnavailable() {
        ProblemDetail problem = new ProblemResponses()
                .unexpected(new IllegalStateException(
                        "could not store " + EMAIL, new MongoTimeoutException("timed out storing " + EMAIL)));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).doesNotContain(EMAIL);
        assertThat(logged.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .contains("com.mongodb.MongoTimeoutException")
                .doesNotContain(EMAIL));
    }

    @Test
    void shouldAnswerABrokerThatDidNotAcknowledgeWithServiceUnavailable() {
        ProblemDetail problem = new ProblemResponses()
                .unexpected(new Unavailable("Kafka did not acknowledge", new TimeoutException("after 30 s")));

        assertThat(problem.getStatus()).isEqualTo(503);
    }

    @Test
    void shouldLogACycleOfCausesWithoutEndlessRecursion() {
        IllegalStateException first = new IllegalStateException(EMAIL);
        IllegalArgumentException second = new IllegalArgumentException(EMAIL);
        first.initCause(second);
        second.initCause(first);

        new ProblemResponses().unexpected(first);

        assertThat(ThrowableProxyUtil.asString(logged.list.get(0).getThrowableProxy()))
                .contains("java.lang.IllegalStateException", "java.lang.IllegalArgumentException")
                .doesNotContain(EMAIL);
    }
}
