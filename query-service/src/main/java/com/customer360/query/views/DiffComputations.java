package com.customer360.query.views;

import com.customer360.security.ContactMasking;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes each rebuild's diff once, in the background, and keeps it ({@link StoredDiffs}): when the rebuild catches up,
 * or when a diff is asked for and there is none for the live version of now, or the one there stalled (its instance
 * stopped: no progress for {@link #STALLED}) or failed, or an analyst asks for it again. One computation at a time
 * per instance; a second instance asking meanwhile finds it claimed and shows its progress.
 */
@Component
class DiffComputations {

    /** A computation that did not show itself alive for this long is taken over. */
    static final Duration STALLED = Duration.ofSeconds(30);

    /**
     * How often a running computation shows itself alive, apart from its progress: a walk's first customers can take
     * longer than {@link #STALLED} to come (mongo-java-server sorts the whole collection before answering).
     */
    private static final Duration ALIVE = Duration.ofSeconds(5);

    /** Progress is recorded at least every this many customers. */
    private static final int BEAT = 1000;

    /** The currency in a summary field's name, left out of the counts per field. */
    private static final Pattern CURRENCY = Pattern.compile("^summaries\\.[A-Z]{3}\\.");

    private static final Logger log = LoggerFactory.getLogger(DiffComputations.class);

    private final ViewDiff diff;
    private final StoredDiffs stored;
    private final ViewRegistry registry;
    private final Rebuilds rebuilds;
    private final Clock clock;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "view-diff"));
    private final ScheduledExecutorService alive =
            Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "view-diff-alive"));
    private final Set<Computation> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    DiffComputations(ViewDiff diff, StoredDiffs stored, ViewRegistry registry, Rebuilds rebuilds, Clock clock) {
        this.diff = diff;
        this.stored = stored;
        this.registry = registry;
        this.rebuilds = rebuilds;
        this.clock = clock;
        alive.scheduleWithFixedDelay(this::showAlive, ALIVE.toMillis(), ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdownNow();
        alive.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A page of the rebuild's diff for the reader, empty while it is being made; 409 unless the rebuild is caught up
     * (or switched to).
     */
    StoredDiffs.Page page(String rebuildId, int page, int size, boolean recompute, ContactMasking masking) {
        Rebuild rebuild = rebuilds.find(rebuildId).orElseThrow(() -> RebuildNotFoundException.of(rebuildId));
        if (rebuild.dropped() || rebuild.state() == Rebuild.State.CANCELLED) {
            throw ViewConflictException.of("Rebuild " + rebuildId + " was dropped.");
        }
        if (rebuild.state() != Rebuild.State.CAUGHT_UP && rebuild.state() != Rebuild.State.SWITCHED) {
            throw ViewConflictException.of(
                    "Rebuild " + rebuildId + " is " + rebuild.state() + ": the diff is there once it has caught up.");
        }
        StoredDiffs.Summary summary = current(rebuild, recompute);
        return summary.state() == StoredDiffs.State.READY
                ? stored.page(summary, page, size, masking)
                : new StoredDiffs.Page(summary, List.of(), page, size);
    }

    /**
     * The rebuild's diff: the stored one when it compares with the version it should, otherwise one whose
     * computation has just started here (or runs elsewhere).
     */
    StoredDiffs.Summary current(Rebuild rebuild, boolean recompute) {
        Optional<StoredDiffs.Summary> found = stored.find(rebuild.rebuildId());
        int against = against(rebuild, registry.entry(rebuild.view()), found.orElse(null));
        if (found.isPresent() && !recompute && found.get().liveVersion() == against && !stalled(found.get())) {
            return found.get();
        }
        Instant now = now();
        StoredDiffs.Summary fresh = new StoredDiffs.Summary(
                rebuild.rebuildId(),
                UUID.randomUUID().toString(),
                StoredDiffs.State.COMPUTING,
                against,
                rebuild.version(),
                now,
                now,
                null,
                0,
                0,
                Map.of(),
                0,
                found.map(StoredDiffs.Summary::failure).orElse(null));
        if (stored.claim(fresh, found.orElse(null)).isPresent()) {
            // Shown alive from the claim on, also while it waits behind another computation.
            Computation computation = new Computation(fresh);
            running.add(computation);
            try {
                executor.execute(() -> run(computation));
            } catch (RejectedExecutionException e) {
                running.remove(computation); // stopping: another instance takes it over once it stalled
            }
            return fresh;
        }
        return stored.find(rebuild.rebuildId()).orElse(fresh);
    }

    /** Now, as the store keeps it (milliseconds), so an answer shows the times a later one reads back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    void forget(String rebuildId) {
        stored.forget(rebuildId);
    }

    /** The version a rebuild is compared with: the live one, or, once it is live itself, the one it replaced. */
    private static int against(Rebuild rebuild, ViewRegistry.Entry entry, StoredDiffs.Summary found) {
        if (entry.active() != rebuild.version()) {
            return entry.active();
        }
        if (entry.previous() != null) {
            return entry.previous();
        }
        return found != null ? found.liveVersion() : entry.active();
    }

    /** Not made and not shown alive for {@link #STALLED}: its instance stopped, or it failed that long ago. */
    private boolean stalled(StoredDiffs.Summary summary) {
        return summary.state() != StoredDiffs.State.READY
                && summary.updatedAt().isBefore(clock.instant().minus(STALLED));
    }

    private void showAlive() {
        for (Computation computation : running) {
            try {
                if (!stored.touch(computation.started, clock.instant())) {
                    computation.lost = true;
                }
            } catch (RuntimeException e) {
                log.warn("The diff of rebuild {} could not show itself alive", computation.started.rebuildId());
            }
        }
    }

    private void run(Computation computation) {
        StoredDiffs.Summary started = computation.started;
        try {
            boolean mine = !computation.lost
                    && stored.find(started.rebuildId())
                            .map(now -> now.computation().equals(started.computation()))
                            .orElse(false);
            if (mine && diff.compare(started.liveVersion(), started.rebuiltVersion(), computation::customer)) {
                computation.finish();
            } else if (!stopping) {
                stored.discard(started); // superseded: what it wrote after the new claim goes too
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn(
                        "The diff of rebuild {} failed: {}",
                        started.rebuildId(),
                        e.getClass().getName());
                computation.fail(e);
            }
        } finally {
            running.remove(computation);
        }
    }

    /** One computation's counts and its chunk of differences not yet written. */
    private final class Computation {

        private final StoredDiffs.Summary started;
        private final Map<String, Long> fields = new TreeMap<>();
        private final List<ViewDiff.Item> chunk = new ArrayList<>(StoredDiffs.CHUNK);
        private long compared;
        private long differing;
        private long total;
        private long chunks;
        private volatile boolean lost;

        Computation(StoredDiffs.Summary started) {
            this.started = started;
        }

        boolean customer(String customerId, List<ViewDiff.Item> differences) {
            compared++;
            if (!differences.isEmpty()) {
                differing++;
            }
            for (ViewDiff.Item item : differences) {
                fields.merge(CURRENCY.matcher(item.field()).replaceFirst("summaries."), 1L, Long::sum);
                if (total < StoredDiffs.KEPT) {
                    chunk.add(item);
                    if (chunk.size() == StoredDiffs.CHUNK) {
                        flush();
                    }
                }
                total++;
            }
            return !stopping
                    && !lost
                    && (compared % BEAT != 0
                            || stored.progress(summary(StoredDiffs.State.COMPUTING, started.failure())));
        }

        void finish() {
            flush();
            if (!stored.progress(summary(StoredDiffs.State.READY, null))) {
                stored.discard(started);
            }
        }

        void fail(RuntimeException e) {
            try {
                stored.progress(summary(StoredDiffs.State.FAILED, e.getClass().getName()));
            } catch (RuntimeException again) {
                log.warn("The diff of rebuild {} could not record its failure", started.rebuildId());
            }
        }

        private void flush() {
            if (!chunk.isEmpty()) {
                stored.append(started, chunks++, List.copyOf(chunk));
                chunk.clear();
            }
        }

        private StoredDiffs.Summary summary(StoredDiffs.State state, String failure) {
            Instant now = now();
            return new StoredDiffs.Summary(
                    started.rebuildId(),
                    started.computation(),
                    state,
                    started.liveVersion(),
                    started.rebuiltVersion(),
                    started.startedAt(),
                    now,
                    state == StoredDiffs.State.READY ? now : null,
                    compared,
                    differing,
                    new TreeMap<>(fields),
                    total,
                    failure);
        }
    }
}
