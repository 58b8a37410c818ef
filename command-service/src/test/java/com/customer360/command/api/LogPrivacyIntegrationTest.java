package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A customer's email address, phone number and postal address never reach the logs: not when a request is carried
 * out, nor when it is refused for bad input, a conflict, a broken rule or an unknown record, nor when the JSON parser
 * quotes the value it could not read; nor do the credentials a request carries in its {@code Authorization} header.
 * Everything logged while the requests run is captured, messages, MDC and stack traces alike, and searched for the
 * distinctive values the requests carried — but only once the capture is shown to have caught each request's own line
 * of the request log, named by the id its answer carries: a search of nothing would pass too.
 */
class LogPrivacyIntegrationTest extends RunningCommandService {

    private static final String EMAIL = "zq.privacy-probe@leakcheck.example";
    private static final String PHONE = "+1 555 0142 7781";
    private static final String LINE1 = "742 Leakcheck Terrace";
    private static final String PASSWORD = "pw-Leakcheck-7781";
    private static final String BASIC =
            Base64.getEncoder().encodeToString(("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String BEARER = "eyJleakcheck.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl";
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String REQUEST_LOG = "com.customer360.command.web.RequestLogging";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String customerId = "c-" + suffix;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<String> requestIds = new ArrayList<>();
    private Level requestLogLevel;
    private TestHttp http;

    /** Everything, the request log at its most detailed too: it logs accepted requests at DEBUG. */
    @BeforeEach
    void captureTheLogs() {
        http = http();
        logged.start();
        root().addAppender(logged);
        requestLogLevel = requestLog().getLevel();
        requestLog().setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopCapturing() {
        requestLog().setLevel(requestLogLevel);
        root().detachAppender(logged);
    }

    @Test
    void shouldNotLogTheContactDetailsOfAcceptedRequests() {
        assertAccepted(post("/api/customers", customer(customerId, EMAIL, PHONE, LINE1)));
        assertAccepted(send("PATCH", "/api/customers/" + customerId, "{\"phone\":\"" + PHONE + " 9\"}"));
        assertAccepted(post("/api/orders", order("o-" + suffix, customerId, LINE1)));
        assertAccepted(send(
                "PUT",
                "/api/orders/o-" + suffix + "/shipping-address",
                address(LINE1 + " Rear"),
                "Idempotency-Key",
                suffix));

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    @Test
    void shouldNotLogTheContactDetailsOfInvalidRequests() {
        assertProblem(post("/api/customers", customer(customerId, EMAIL + " ", PHONE, LINE1)), 400, "email");
        assertProblem(post("/api/customers", customer(customerId, EMAIL, PHONE + "x", LINE1)), 400, "phone");
        assertProblem(
                post("/api/customers", customer(customerId, EMAIL, PHONE, LINE1 + "\u0000")),
                400,
                "defaultShippingAddress.line1");
        assertProblem(
                post("/api/customers", customer(customerId, EMAIL, PHONE, LINE1).replace("line1", "lineOne")),
                400,
                "defaultShippingAddress.lineOne");

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    @Test
    void shouldNotLogValuesTheJsonParserCouldNotRead() {
        assertProblem(post("/api/orders/o-" + suffix + "/place", "{\"placedAt\":\"" + EMAIL + "\"}"), 400, "placedAt");
        assertProblem(post("/api/orders/o-" + suffix + "/refunds", "{\"amount\":\"" + PHONE + "\"}"), 400, "amount");
        assertProblem(
                post("/api/orders/o-" + suffix + "/shipment-updates", "{\"status\":\"" + LINE1 + "\"}"), 400, "status");
        assertProblem(post("/api/customers", "{\"name\":\"Ada\",\"email\":\"" + EMAIL + "\""), 400, "body");

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    @Test
    void shouldNotLogTheContactDetailsOfRefusedCommands() {
        assertAccepted(post("/api/customers", customer(customerId, "ada@example.com", null, "1 Main St")));

        assertProblem(post("/api/customers", customer(customerId, EMAIL, PHONE, LINE1)), 409, "customerId");
        assertProblem(
                send("PATCH", "/api/customers/c-unknown-" + suffix, "{\"email\":\"" + EMAIL + "\"}"),
                404,
                "customerId");
        assertProblem(post("/api/orders", order("o-" + suffix, "c-unknown-" + suffix, LINE1)), 422, "customerId");
        assertProblem(
                send("PUT", "/api/orders/o-unknown-" + suffix + "/shipping-address", address(LINE1)), 404, "orderId");

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    @Test
    void shouldNotLogTheContactDetailsOfRequestsRefusedBeforeTheyAreRead() throws IOException {
        String body = customer(customerId, EMAIL, PHONE, LINE1);

        sendAs("POST", "/api/customers", "text/plain", body);
        sendAs("POST", "/api/customers", "*/*", body);
        post("/api/customers/" + EMAIL, body);
        // Chunked, so that the size is only known once the body has been read: over a raw socket.
        raw(new RawHttp.Request(
                "POST",
                "/api/customers",
                RawHttp.headers("Content-Type", "application/json"),
                (body + " ".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8),
                true));

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    /**
     * Tomcat logs the request line of a request it cannot parse at INFO (the first one per connection processor), so an
     * address in a malformed URL reaches the log; {@code command-service.yml} sets {@code
     * logging.level.org.apache.coyote.http11.Http11Processor: WARN}.
     */
    @Test
    void shouldNotLogTheContactDetailsInAMalformedRequestLine() throws IOException {
        // A control character in the request line: no HTTP client sends it.
        raw(new RawHttp.Request("POST", "/api/customers/" + EMAIL + "\u0001", RawHttp.headers(), null, false));

        assertNothingLoggedContains(EMAIL);
    }

    /**
     * Spring's static resource handler logs a path that climbs with {@code ../} at WARN, so an address in such a URL
     * reaches the log; {@code command-service.yml} sets {@code
     * logging.level.org.springframework.web.servlet.resource.ResourceHandlerUtils: ERROR}.
     */
    @Test
    void shouldNotLogTheContactDetailsInAPathThatClimbs() {
        send("GET", "/api/%2e%2e/" + EMAIL, null);

        assertNothingLoggedContains(EMAIL);
    }

    @Test
    void shouldNotLogTheCredentialsOfAcceptedOrRefusedRequests() throws IOException {
        String writer = http.as("writer", TestUsers.password("writer")).authorization();
        for (String authorization : List.of(writer, "Basic " + BASIC, "Bearer " + BEARER)) {
            boolean valid = authorization.equals(writer);
            String customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
            TestHttp.Answer registered = post(
                    "/api/customers",
                    customer(customer, "ada@example.com", null, "1 Main St"),
                    "Authorization",
                    authorization);
            TestHttp.Answer invalid = post("/api/customers", "{\"name\":\"Ada\"}", "Authorization", authorization);
            TestHttp.Answer unknown = send(
                    "PATCH", "/api/customers/c-unknown-" + suffix, "{\"name\":\"X\"}", "Authorization", authorization);
            if (valid) {
                assertAccepted(registered);
                assertProblem(invalid, 400, "email");
                assertProblem(unknown, 404, "customerId");
            } else {
                assertThat(List.of(registered.status(), invalid.status(), unknown.status()))
                        .containsOnly(401);
            }
            sendAs("POST", "/api/customers", "text/plain", "{}", "Authorization", authorization);
            post("/api/invoices", "{}", "Authorization", authorization);
            send("DELETE", "/api/customers", null, "Authorization", authorization);
            post(
                    "/api/orders/o-" + suffix + "/cancel",
                    "{}",
                    "Authorization",
                    authorization,
                    "Idempotency-Key",
                    "k".repeat(20_000));
            raw(new RawHttp.Request(
                    "GET", "/api/customers/;%/;%", RawHttp.headers("Authorization", authorization), null, false));
        }

        assertNothingLoggedContains(
                BASIC, PASSWORD, BEARER, writer.substring("Basic ".length()), TestUsers.password("writer"));
    }

    private TestHttp.Answer post(String path, String body, String... headers) {
        return logged(http.post(path, body, headers));
    }

    private TestHttp.Answer send(String method, String path, String body, String... headers) {
        return logged(http.send(method, path, body, headers));
    }

    private TestHttp.Answer sendAs(String method, String path, String contentType, String body, String... headers) {
        return logged(http.sendAs(method, path, contentType, body, headers));
    }

    private void raw(RawHttp.Request request) throws IOException {
        RawHttp.Response response = raw().send(request);
        requestIds.add(response.headers().get(REQUEST_ID.toLowerCase(Locale.ROOT)));
    }

    /** Remembers the request id the answer names, to be found in the log. */
    private TestHttp.Answer logged(TestHttp.Answer answer) {
        requestIds.add(answer.header(REQUEST_ID).orElse(null));
        return answer;
    }

    private void assertNothingLoggedContains(String... secrets) {
        assertEveryRequestWasLogged();
        List<String> lines = lines();
        for (String secret : secrets) {
            assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
        }
    }

    /** The request log writes its line once the answer has gone out: it may come a moment after the answer. */
    private void assertEveryRequestWasLogged() {
        assertThat(requestIds).as("the request ids of the answers").isNotEmpty().doesNotContainNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> lines = lines();
            for (String requestId : requestIds) {
                assertThat(lines)
                        .as("a log line naming request " + requestId)
                        .anyMatch(line -> line.contains(requestId));
            }
        });
    }

    /** What was captured so far; the appender adds under its own lock. */
    private List<String> lines() {
        synchronized (logged) {
            return logged.list.stream().map(LogPrivacyIntegrationTest::render).toList();
        }
    }

    private static String render(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " "
                + thrown;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static Logger requestLog() {
        return (Logger) LoggerFactory.getLogger(REQUEST_LOG);
    }

    private static String customer(String customerId, String email, String phone, String line1) {
        return "{\"customerId\":\"" + customerId + "\",\"name\":\"Ada Lovelace\",\"email\":\"" + email + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + ",\"defaultShippingAddress\":"
                + address(line1) + "}";
    }

    private static String order(String orderId, String customerId, String line1) {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId + "\",\"storeId\":\"store-1\","
                + "\"currency\":\"USD\",\"lines\":[{\"sku\":\"TEA\",\"name\":\"Tea\",\"quantity\":1,\"unitPrice\":\"1.00\"}],"
                + "\"shippingAddress\":" + address(line1) + "}";
    }

    private static String address(String line1) {
        return "{\"line1\":\"" + line1.replace("\u0000", "\\u0000") + "\",\"city\":\"Springfield\","
                + "\"postalCode\":\"12345\",\"country\":\"US\"}";
    }
}
