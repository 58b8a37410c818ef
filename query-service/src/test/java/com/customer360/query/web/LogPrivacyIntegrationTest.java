package com.customer360.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The query side never logs a customer's email, phone or address, nor the credentials a request carries: not while it
 * projects them, not when it holds the customer behind a dead letter, not when a reader searches for them in the API or
 * on the pages, not when a password or token is refused. The capture is first shown to have caught this customer's own
 * line (the dead letter that holds it): a search of nothing would pass too.
 */
class LogPrivacyIntegrationTest {

    private static final String EMAIL = "zq.read-probe@leakcheck.example";
    private static final String PHONE = "+1 555 0199 4417";
    private static final String LINE1 = "913 Leakcheck Crescent";
    private static final String PASSWORD = "pw-Leakcheck-4417";
    private static final String BEARER = "eyJleakcheck.eyJzdWIiOiJncmFjZSJ9.c2lnbmF0dXJl";

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final String customerId =
            "c-privacy-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void captureTheLogs() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logged);
    }

    @Test
    void shouldNotLogContactDataOrCredentials() {
        EventHistory history = new EventHistory();
        service.publisher()
                .awaitConsumed(service.publisher()
                        .publish(List.of(
                                history.registered(customerId, "Grace Leakcheck", EMAIL, PHONE),
                                history.placed(
                                        customerId + "-o-1",
                                        customerId,
                                        "EUR",
                                        "12.00",
                                        "2026-02-01",
                                        EventHistory.address(LINE1)),
                                // A refund of an order nobody placed: a dead letter that holds the customer.
                                history.refunded(customerId + "-o-unknown", customerId, "EUR", "1.00"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(text())
                .as("the capture caught the line that holds this customer")
                .contains(customerId));

        TestHttp viewer = service.http("viewer");
        assertThat(viewer.get("/api/customers?q=" + encode(EMAIL)).status()).isEqualTo(200);
        assertThat(viewer.get("/api/customers?q=" + encode(PHONE)).status()).isEqualTo(200);
        assertThat(viewer.get("/api/customers/" + customerId).status()).isEqualTo(200);
        assertThat(viewer.get("/api/customers/export.csv?q=" + encode(LINE1)).status())
                .isEqualTo(200);
        assertThat(viewer.get("/?q=" + encode(EMAIL)).status()).isEqualTo(200);
        assertThat(viewer.get("/customers/" + customerId).status()).isEqualTo(200);
        assertThat(service.http(null)
                        .as("viewer", PASSWORD)
                        .get("/api/customers")
                        .status())
                .isEqualTo(401);
        assertThat(service.http(null)
                        .authorizedBy("Bearer " + BEARER)
                        .get("/api/customers")
                        .status())
                .isEqualTo(401);

        String text = text();
        String lower = text.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain(EMAIL, LINE1.toLowerCase(Locale.ROOT), "leakcheck crescent");
        assertThat(text).doesNotContain(PHONE, PHONE.replaceAll("\\D", ""), PASSWORD, BEARER, "Grace Leakcheck");
    }

    private String text() {
        return logged.list.stream()
                .map(event -> event.getFormattedMessage()
                        + " " + event.getMDCPropertyMap()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
