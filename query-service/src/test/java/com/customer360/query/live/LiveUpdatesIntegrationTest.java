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
        Stream customer = Stream.open(url("/api/customers/" + customerId + "/updates"));
        Stream list = Stream.open(url("/api/customers/updates"));
        await().atMost(Duration.ofSeconds(10)).until(() -> customer.lines().contains(":connected"));

        service.publisher()
                .publish(List.of(history.placed(customerId + "-o", customerId, "EUR", "10.00", "2026-01-01")));

        await().atMost(Duration.ofSeconds(30)).until(() -> customer.lines().contains("event:customer-changed"));
        assertThat(customer.lines())
                .anySatisfy(line -> assertThat(line).startsWith("data:").contains(customerId));
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
            streams.add(Stream.open(url("/api/customers/" + customerId + "/updates")));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> streams.stream().allMatch(stream -> stream.lines().contains(":connected")));

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

        static Stream open(URI uri) {
            Stream stream = new Stream();
            stream.response = CLIENT.sendAsync(
                    HttpRequest.newBuilder(uri)
                            .header("Accept", "text/event-stream")
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

        void close() {
            if (subscription != null) {
                subscription.cancel();
            }
            response.cancel(true);
        }
    }
}
