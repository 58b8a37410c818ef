package com.customer360.local;

import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.local.CustomerListPopulation.Customer;
import com.customer360.testing.TestHttp;
import com.customer360.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The customer list's searches and sorts among 100,000 customers, beside the same queries among 1,000 (the baseline,
 * measured in the same run): the merchant's list must not slow down as the shop grows. Both populations are projected
 * from events published straight to a topic of their own; each query's answer is checked against figures computed
 * here from the generated history (the count a search finds, the first and last customer of a sort), so a fast wrong
 * answer fails the run.
 *
 * <pre>./mvnw -q -pl local-stack -am -DskipTests -Pcustomer-list verify -Dbenchmark.customers=100000</pre>
 */
public final class CustomerListBenchmark {

    private static final int PAGE = 20;

    private CustomerListBenchmark() {}

    /** A query of the list, and how its answer is checked against the generated customers. */
    record Query(String title, String path, Check check) {}

    @FunctionalInterface
    interface Check {
        void verify(JsonNode page, List<Customer> customers);
    }

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int small = Math.min(1_000, large);
        Path data = Files.createTempDirectory("c360-customer-list");
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), 0);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.temporary()) {
            Map<String, double[]> baseline = measure(new BenchmarkTopic(kafka, mongo, "list-small-" + run), small);
            Map<String, double[]> measured = measure(new BenchmarkTopic(kafka, mongo, "list-large-" + run), large);
            System.out.printf(
                    "%n| query (pages of %d) | %,d customers: p50 / p95 | %,d customers: p50 / p95 | p50 ratio |%n",
                    PAGE, small, large);
            System.out.println("|---|---|---|---|");
            measured.forEach((title, times) -> {
                double[] before = baseline.get(title);
                System.out.printf(
                        "| %s | %.1f / %.1f ms | %.1f / %.1f ms | %.1f× |%n",
                        title,
                        BenchmarkTopic.quantile(before, 0.5),
                        BenchmarkTopic.quantile(before, 0.95),
                        BenchmarkTopic.quantile(times, 0.5),
                        BenchmarkTopic.quantile(times, 0.95),
                        BenchmarkTopic.quantile(times, 0.5) / BenchmarkTopic.quantile(before, 0.5));
            });
        }
    }

    private static Map<String, double[]> measure(BenchmarkTopic topic, int size) throws Exception {
        List<Customer> customers = CustomerListPopulation.customers(size);
        long start = System.nanoTime();
        topic.publish(CustomerListPopulation.history(customers));
        try (ConfigurableApplicationContext query =
                Services.startQueryService(topic.queryServiceSettings(), List.of())) {
            topic.awaitProjected();
            int events = customers.stream().mapToInt(c -> 1 + c.orders().size()).sum();
            System.out.printf(
                    "%,d customers (%,d events) published and projected in %.1f s%n",
                    size, events, (System.nanoTime() - start) / 1e9);
            TestHttp http = TestUsers.as(new TestHttp(Services.port(query)), "viewer");
            Map<String, double[]> times = new LinkedHashMap<>();
            for (Query q : queries(customers)) {
                JsonNode page = http.get(q.path()).json();
                q.check().verify(page, customers);
                BenchmarkTopic.times(http, q.path(), 3);
                times.put(q.title(), BenchmarkTopic.times(http, q.path(), 20));
            }
            return times;
        }
    }

    /** The queries a merchant makes, each with the answer the generated customers call for. */
    static List<Query> queries(List<Customer> customers) {
        Customer someone = customers.get(customers.size() * 2 / 3);
        String family = someone.name().substring(someone.name().indexOf(' ') + 1);
        String emailPart = someone.email().substring(0, someone.email().indexOf('@') - 1);
        String phoneAsTyped =
                "30 " + someone.phone().substring(7, 10) + " " + someone.phone().substring(10);
        int lastPage = (customers.size() - 1) / PAGE;
        Comparator<Customer> byValue = Comparator.comparing(Customer::lifetimeValue);
        return List.of(
                new Query("search a family name", "/api/customers?q=" + encode(family), count(searchFor(family))),
                new Query(
                        "search part of an email",
                        "/api/customers?q=" + encode(emailPart),
                        count(searchFor(emailPart))),
                new Query(
                        "search a phone number as typed",
                        "/api/customers?q=" + encode(phoneAsTyped),
                        count(searchFor(phoneAsTyped))),
                new Query("sort by name", "/api/customers?sort=name,asc", (page, all) -> {
                    expectTotal(page, all.size());
                    List<String> names = new ArrayList<>();
                    page.path("items")
                            .forEach(
                                    item -> names.add(item.path("name").asText().toLowerCase(Locale.ROOT)));
                    if (!names.equals(names.stream().sorted().toList())) {
                        throw new IllegalStateException("not sorted by name: " + names);
                    }
                }),
                new Query(
                        "sort by lifetime value, first page", "/api/customers?sort=lifetimeValue,desc", (page, all) -> {
                            expectTotal(page, all.size());
                            expectValue(
                                    page,
                                    0,
                                    all.stream().max(byValue).orElseThrow().lifetimeValue());
                        }),
                new Query(
                        "sort by lifetime value, last page",
                        "/api/customers?sort=lifetimeValue,desc&page=" + lastPage,
                        (page, all) -> {
                            JsonNode items = page.path("items");
                            expectValue(
                                    page,
                                    items.size() - 1,
                                    all.stream().min(byValue).orElseThrow().lifetimeValue());
                        }),
                new Query(
                        "EUR customers, latest order first",
                        "/api/customers?currency=EUR&sort=lastOrderAt,desc",
                        (page, all) -> {
                            List<Customer> euro = all.stream()
                                    .filter(c -> c.currency().equals("EUR"))
                                    .toList();
                            expectTotal(page, euro.size());
                            Instant latest = euro.stream()
                                    .map(Customer::lastOrderAt)
                                    .max(Comparator.naturalOrder())
                                    .orElseThrow();
                            Instant shown = Instant.parse(page.path("items")
                                    .path(0)
                                    .path("lastOrderAt")
                                    .asText());
                            if (!shown.equals(latest)) {
                                throw new IllegalStateException("latest EUR order " + shown + ", expected " + latest);
                            }
                        }));
    }

    /** What the list's search promises: part of the name or email, any case; a phone's digits whatever the spacing. */
    static Predicate<Customer> searchFor(String typed) {
        String needle = typed.toLowerCase(Locale.ROOT);
        String digits = typed.replaceAll("\\D", "");
        boolean phone = !needle.matches(".*\\p{L}.*") && !digits.isEmpty();
        return c -> phone
                ? c.phone().replaceAll("\\D", "").contains(digits)
                : c.name().toLowerCase(Locale.ROOT).contains(needle)
                        || c.email().contains(needle);
    }

    private static Check count(Predicate<Customer> matching) {
        return (page, all) -> expectTotal(page, all.stream().filter(matching).count());
    }

    private static void expectTotal(JsonNode page, long expected) {
        if (page.path("totalItems").asLong() != expected) {
            throw new IllegalStateException("totalItems " + page.path("totalItems") + ", expected " + expected);
        }
    }

    private static void expectValue(JsonNode page, int item, BigDecimal expected) {
        BigDecimal shown = new BigDecimal(
                page.path("items").path(item).path("lifetimeValue").asText());
        if (shown.compareTo(expected) != 0) {
            throw new IllegalStateException("lifetime value " + shown + " at " + item + ", expected " + expected);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
