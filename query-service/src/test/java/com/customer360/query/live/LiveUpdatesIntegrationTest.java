package com.customer360.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * Server-sent events for a customer and for the list: a page that follows a customer hears of their new order, the
 * list hears which customers changed, and a thousand idle followers cost connections, not threads.
 */
class LiveUpdatesIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final EventHistory history = new EventHistory();
    private final String customerId = "c-live-" + UUID.randomUUID();

    @Test
    void shouldTellAFollowerOfACustomerAndOfTheListWhenTheCustomerChanges() {
        service.publisher().awaitConsumed(service.publisher().publish(List.of(history.registered(customerId, null))));
        Stream customer = Stream.open(
                url("/api/customers/" + customerId + "/updates"), service.http().authorization());
        Stream list = Stream.open(url("/api/customers/updates"), service.http().authorization());
        await().atMost(Duration.ofSeconds(10)).until(() -> customer.lines().contains(":connected"));

        service.publisher()
                .publish(List.of(history.placed(customerId + "-o", customerId, "EUR", "10.00", "2026-01-01")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> customer.lines().contains("event:customer-changed")
                        && customer.lines().stream()
                                .anyMatch(line -> line.startsWith("data:") && line.contains(customerId)));
        await().atMost(Duration.ofSeconds(30)).until(() -> list.lines().stream()
                .anyMatch(line -> line.startsWith("data:") && line.contains(customerId)));
        customer.close();
        list.close();
    }

    @Test
    void shouldHoldAThousandIdleFollowersWithoutAThreadEach() {
        service.publisher().awaitConsumed(service.publisher().publish(List.of(history.registered(customerId, null))));
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            streams.add(Stream.open(
                    url("/api/customers/" + customerId + "/updates"),
                    service.http().authorization()));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(streams.stream()
                        .filter(stream -> stream.lines().contains(":connected"))
                        .count())
                .as(
                        "followers connected; answers of the others: %s",
                        streams.stream()
                                .filter(stream -> !stream.lines().contains(":connected"))
                                .map(Stream::outcome)
                                .distinct()
                                .toList())
                .isEqualTo(streams.size()));

        int during = ManagementFactory.getThreadMXBean().getThreadCount();
        long busyWorkers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("-exec-") && thread.getState() == Thread.State.RUNNABLE)
                .count();
        System.out.printf(
                "live updates: %d threads before, %d with 1,000 idle followers, %d request threads busy%n",
                before, during, busyWorkers);
        // The request threads went back to their pool (at most its size, 200, whatever the number of followers).
        assertThat(busyWorkers).isLessThanOrEqualTo(2);
        assertThat(during - before).isLessThan(1000 / 4);
        streams.forEach(Stream::close);
    }

    private URI url(String path) {
        return service.http().base().resolve(path);
    }

    /** An event stream read line by line in the background, as a browser's EventSource reads it. */
    private static final class Stream {
        private static final HttpClient CLIENT = HttpClient.newBuilder()
                .executor(java.util.concurrent.Executors.newFixedThreadPool(4))
                .build();
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile Flow.Subscription subscription;
        private CompletableFuture<?> response;

        static Stream open(URI uri, String authorization) {
            Stream stream = new Stream();
            stream.response = CLIENT.sendAsync(
                    HttpRequest.newBuilder(uri)
                            .header("Accept", "text/event-stream")
                            .header("Authorization", authorization)
                            .build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                        @Override
                        public void onSubscribe(Flow.Subscription subscription) {
                            stream.subscription = subscription;
                            subscription.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(String line) {
                            stream.lines.add(line.replace(": ", ":"));
                        }

                        @Override
                        public void onError(Throwable throwable) {}

                        @Override
                        public void onComplete() {}
                    }));
            return stream;
        }

        List<String> lines() {
            return lines;
        }

        /** The status the service answered with, or what went wrong, or that no answer came yet. */
        String outcome() {
            if (!response.isDone()) {
                return "no answer yet";
            }
            try {
                return "status " + ((HttpResponse<?>) response.getNow(null)).statusCode();
            } catch (RuntimeException e) {
                return e.toString();
            }
        }

        void close() {
            if (subscription != null) {
                subscription.cancel();
            }
            response.cancel(true);
        }
    }
}
