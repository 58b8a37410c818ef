package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.customer360.testing.TestHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A customer's email address, phone number and postal address never reach the logs: not when a request is carried
 * out, nor when it is refused for bad input, a conflict, a broken rule or an unknown record, nor when the JSON parser
 * quotes the value it could not read. Everything logged while the requests run is captured, messages and stack traces
 * alike, and searched for the distinctive values the requests carried.
 */
class LogPrivacyIntegrationTest extends RunningCommandService {

    private static final String EMAIL = "zq.privacy-probe@leakcheck.example";
    private static final String PHONE = "+1 555 0142 7781";
    private static final String LINE1 = "742 Leakcheck Terrace";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String customerId = "c-" + suffix;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private TestHttp http;

    @BeforeEach
    void captureTheLogs() {
        http = http();
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logged);
    }

    @Test
    void shouldNotLogTheContactDetailsOfAcceptedRequests() {
        assertAccepted(http.post("/api/customers", customer(customerId, EMAIL, PHONE, LINE1)));
        assertAccepted(http.send("PATCH", "/api/customers/" + customerId, "{\"phone\":\"" + PHONE + " 9\"}"));
        assertAccepted(http.post("/api/orders", order("o-" + suffix, customerId, LINE1)));
        assertAccepted(http.send(
                "PUT",
                "/api/orders/o-" + suffix + "/shipping-address",
                address(LINE1 + " Rear"),
                "Idempotency-Key",
                suffix));

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    @Test
    void shouldNotLogTheContactDetailsOfInvalidRequests() {
        assertProblem(http.post("/api/customers", customer(customerId, EMAIL + " ", PHONE, LINE1)), 400, "email");
        assertProblem(http.post("/api/customers", customer(customerId, EMAIL, PHONE + "x", LINE1)), 400, "phone");
        assertProblem(
                http.post("/api/customers", customer(customerId, EMAIL, PHONE, LINE1 + "\u0000")),
                400,
                "defaultShippingAddress.line1");
        assertProblem(
                http.post(
                        "/api/customers",
                        customer(customerId, EMAIL, PHONE, LINE1).replace("line1", "lineOne")),
                400,
                "defaultShippingAddress.lineOne");

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    @Test
    void shouldNotLogValuesTheJsonParserCouldNotRead() {
        assertProblem(
                http.post("/api/orders/o-" + suffix + "/place", "{\"placedAt\":\"" + EMAIL + "\"}"), 400, "placedAt");
        assertProblem(
                http.post("/api/orders/o-" + suffix + "/refunds", "{\"amount\":\"" + PHONE + "\"}"), 400, "amount");
        assertProblem(
                http.post("/api/orders/o-" + suffix + "/shipment-updates", "{\"status\":\"" + LINE1 + "\"}"),
                400,
                "status");
        assertProblem(http.post("/api/customers", "{\"name\":\"Ada\",\"email\":\"" + EMAIL + "\""), 400, "body");

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    @Test
    void shouldNotLogTheContactDetailsOfRefusedCommands() {
        assertAccepted(http.post("/api/customers", customer(customerId, "ada@example.com", null, "1 Main St")));

        assertProblem(http.post("/api/customers", customer(customerId, EMAIL, PHONE, LINE1)), 409, "customerId");
        assertProblem(
                http.send("PATCH", "/api/customers/c-unknown-" + suffix, "{\"email\":\"" + EMAIL + "\"}"),
                404,
                "customerId");
        assertProblem(http.post("/api/orders", order("o-" + suffix, "c-unknown-" + suffix, LINE1)), 422, "customerId");
        assertProblem(
                http.send("PUT", "/api/orders/o-unknown-" + suffix + "/shipping-address", address(LINE1)),
                404,
                "orderId");

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    @Test
    void shouldNotLogTheContactDetailsOfRequestsRefusedBeforeTheyAreRead() throws IOException {
        String body = customer(customerId, EMAIL, PHONE, LINE1);

        http.sendAs("POST", "/api/customers", "text/plain", body);
        http.sendAs("POST", "/api/customers", "*/*", body);
        http.post("/api/customers/" + EMAIL, body);
        // Chunked, so that the size is only known once the body has been read: over a raw socket.
        raw().send(new RawHttp.Request(
                "POST",
                "/api/customers",
                RawHttp.headers("Content-Type", "application/json"),
                (body + " ".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8),
                true));

        assertNothingLoggedContains(EMAIL, PHONE, LINE1);
    }

    /**
     * Tomcat logs the request line of a request it cannot parse at INFO (the first one per connection processor), so an
     * address in a malformed URL reaches the log. The cure is configuration this change may not make:
     * {@code logging.level.org.apache.coyote.http11.Http11Processor: WARN} in {@code command-service.yml}.
     */
    @Test
    void shouldNotLogTheContactDetailsInAMalformedRequestLine() throws IOException {
        // A control character in the request line: no HTTP client sends it.
        raw().send(new RawHttp.Request("POST", "/api/customers/" + EMAIL + "\u0001", RawHttp.headers(), null, false));

        assertNothingLoggedContains(EMAIL);
    }

    /**
     * Spring's static resource handler logs a path that climbs with {@code ../} at WARN, so an address in such a URL
     * reaches the log; {@code command-service.yml} sets {@code
     * logging.level.org.springframework.web.servlet.resource.ResourceHandlerUtils: ERROR}.
     */
    @Test
    void shouldNotLogTheContactDetailsInAPathThatClimbs() {
        http.get("/api/%2e%2e/" + EMAIL);

        assertNothingLoggedContains(EMAIL);
    }

    private void assertNothingLoggedContains(String... secrets) {
        List<String> lines =
                logged.list.stream().map(LogPrivacyIntegrationTest::render).toList();
        for (String secret : secrets) {
            assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
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
