package com.customer360.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customer360.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every endpoint of the command API over real HTTP: bodies that are valid but for one field, random JSON, bytes
 * that are no JSON at all, odd headers, odd paths and methods. Whatever arrives, the service answers below 500; a
 * refusal is a problem+json document with type, title and status (and, for a 400, the fields at fault); and no answer
 * shows a Java class or a stack frame. A valid request may well be carried out: the tests do not care which.
 *
 * <p>The inputs come from a seeded {@link Random}, so that the build is repeatable: random seeds found the failures
 * fixed so far, and a new one must not make an unrelated change fail. To explore new inputs, run the class with
 * another seed, {@code -Dcustomer360.fuzz.seed=<any long>} (with {@code -Dit.test=CommandApiFuzzIntegrationTest}); a
 * failure names its seed and try, which replay it.
 *
 * <p>One service serves every try of every test: it is started once for the class, with a database and topics of its
 * own, as a separate instance would be.
 */
class CommandApiFuzzIntegrationTest {

    /** The seed of a normal build; {@code customer360.fuzz.seed} overrides it. */
    private static final long DEFAULT_SEED = 20261124L;

    private static final long SEED = Long.getLong("customer360.fuzz.seed", DEFAULT_SEED);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StandaloneCommandService service;
    /** Raw bytes: the odd paths and headers are beyond what any HTTP client library will send. */
    private static RawHttp http;

    @Test
    void validBodiesWithOneFieldChangedAreAnsweredWithoutAServerError() {
        fuzz("one field changed", 300, MutatedRequests.mutated());
    }

    @Test
    void amountsQuantitiesAndTimesAtTheEdgesAreAnsweredWithoutAServerError() {
        fuzz("numbers and times", 200, MutatedRequests.numbersAndTimes());
    }

    @Test
    void randomJsonDocumentsAreAnsweredWithoutAServerError() {
        fuzz("random JSON", 150, RandomBodyRequests.randomJson());
    }

    @Test
    void bodiesThatAreNotJsonAreAnsweredWithoutAServerError() {
        fuzz("not JSON", 150, RandomBodyRequests.notJson());
    }

    @Test
    void oddHeadersAreAnsweredWithoutAServerError() {
        fuzz("odd headers", 200, OddHeaderRequests.oddHeaders());
    }

    @Test
    void oddPathsAndMethodsAreAnsweredWithoutAServerError() {
        fuzz("odd paths", 200, OddPathRequests.oddPaths());
    }

    /**
     * Sends {@code tries} requests and stops at the first answer that is not well formed. Each test draws from a random
     * of its own, so that a change to one generator leaves the other tests' inputs as they were; it is seeded with the
     * seed plus the hash of the test's name, since adjacent seeds start {@link Random} on nearly the same numbers.
     */
    private static void fuzz(String name, int tries, Generator<RawHttp.Request> requests) {
        Random random = new Random(SEED + name.hashCode());
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int attempt = 1; attempt <= tries; attempt++) {
            String where = name + ", try " + attempt + " of " + tries + " with -Dcustomer360.fuzz.seed=" + SEED + ": ";
            RawHttp.Request request = requests.next(random);
            try {
                RawHttp.Response response = http.send(request);
                statuses.merge(response.status(), 1, Integer::sum);
                assertWellFormedAnswer(where + request, response);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(where + request + "\n  failed: " + e, e);
            }
        }
        System.out.printf("Fuzzed %s with seed %d: %d tries, answers by status %s%n", name, SEED, tries, statuses);
    }

    private static void assertWellFormedAnswer(String request, RawHttp.Response response) throws IOException {
        String described =
                request + "\n  answered " + response.status() + " " + response.contentType() + " " + response.body();
        assertThat(response.status()).as(described).isLessThan(500);
        assertThat(response.body()).as(described).doesNotContain("Exception", "at com.", "at org.", "\tat ");
        if (response.status() < 400) {
            return;
        }
        assertThat(response.contentType()).as(described).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").isTextual()).as(described).isTrue();
        assertThat(problem.path("title").isTextual()).as(described).isTrue();
        assertThat(problem.path("status").asInt()).as(described).isEqualTo(response.status());
        if (response.status() == 400) {
            assertThat(problem.path("errors").isArray()).as(described).isTrue();
            assertThat(problem.path("errors")).as(described).isNotEmpty();
            for (JsonNode error : problem.path("errors")) {
                assertThat(error.path("field").isTextual()).as(described).isTrue();
                assertThat(error.path("reason").isTextual()).as(described).isTrue();
            }
        }
    }

    /** The service under test, with a database and topics of its own, and some records for requests to hit. */
    @BeforeAll
    static void start() {
        service = StandaloneCommandService.start("command-fuzz", Map.of());
        http = service.raw();
        createSeedRecords();
    }

    private static void createSeedRecords() {
        TestHttp seed = service.http();
        assertAccepted(seed.post(
                "/api/customers",
                "{\"customerId\":\"" + ValidRequests.CUSTOMER + "\",\"name\":\"Fuzz\","
                        + "\"email\":\"fuzz@example.com\"}"));
        for (String orderId : ValidRequests.ORDERS) {
            ObjectNode order = ValidRequests.order(orderId, "USD", List.of(ValidRequests.line("TEA", 2, "12.50")));
            order.put("draft", orderId.equals("fuzz-draft"));
            assertAccepted(seed.post("/api/orders", order.toString()));
        }
        assertAccepted(seed.post("/api/orders/fuzz-delivered/shipment-updates", "{\"status\":\"IN_TRANSIT\"}"));
        assertAccepted(seed.post("/api/orders/fuzz-delivered/shipment-updates", "{\"status\":\"DELIVERED\"}"));
    }

    private static void assertAccepted(TestHttp.Answer response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
            service = null;
            http = null;
        }
    }
}
