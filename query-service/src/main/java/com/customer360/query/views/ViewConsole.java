package com.customer360.query.views;

import com.customer360.query.store.ReadVersions;
import com.customer360.security.ContactMasking;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the {@code /views} page and the customer pages' snapshot selector need of the views, in types of their own:
 * every view with its versions, the rebuilds with their progress, a page of a rebuild's diff, and the same start,
 * switch, roll-back and cancel the API offers (so they are audited the same way).
 */
@Component
public class ViewConsole {

    private final ViewOperations operations;
    private final Rebuilds rebuilds;
    private final ViewRegistry registry;
    private final DiffComputations diffs;

    ViewConsole(ViewOperations operations, Rebuilds rebuilds, ViewRegistry registry, DiffComputations diffs) {
        this.operations = operations;
        this.rebuilds = rebuilds;
        this.registry = registry;
        this.diffs = diffs;
    }

    /** A view and its versions. */
    public record Versions(String view, int active, Integer previous, List<Integer> retired) {}

    /** A rebuild as the page shows it; {@code percent} is 0 to 100. */
    public record RebuildRow(
            String rebuildId,
            String view,
            int version,
            Instant asOf,
            String state,
            long eventsApplied,
            long eventsTotal,
            int percent,
            double eventsPerSecond,
            Long etaSeconds,
            Instant startedAt,
            Instant caughtUpAt,
            String failure,
            boolean dropped) {

        public boolean running() {
            return !dropped && (state.equals("RUNNING") || state.equals("CAUGHT_UP"));
        }

        public boolean caughtUp() {
            return !dropped && state.equals("CAUGHT_UP");
        }

        /** A caught-up rebuild that is no snapshot may become the active version. */
        public boolean switchable() {
            return caughtUp() && asOf == null;
        }
    }

    /** One difference between the live and a rebuilt version. */
    public record Difference(String customerId, String field, String live, String rebuilt) {}

    /** A page of a rebuild's diff; while it is being made ({@code ready} false), its progress and no items. */
    public record DiffPage(
            String rebuildId,
            boolean ready,
            String failure,
            Instant computedAt,
            int liveVersion,
            int rebuiltVersion,
            long customersCompared,
            long customersDiffering,
            Map<String, Long> fieldsDiffering,
            List<Difference> items,
            int page,
            int size,
            long totalItems) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < totalItems;
        }
    }

    /** An as-of snapshot readers can browse with {@code ?view=<version>}. */
    public record Snapshot(int version, Instant asOf) {}

    public List<Versions> views() {
        ViewRegistry.Entry entry = registry.entry(ReadVersions.CUSTOMER_DETAILS);
        return List.of(new Versions(
                entry.view(),
                entry.active(),
                entry.previous(),
                entry.retired().stream().map(ViewRegistry.Retired::version).toList()));
    }

    /** The newest rebuilds first. */
    public List<RebuildRow> rebuilds() {
        return rebuilds.newest().stream().map(ViewConsole::row).toList();
    }

    public Optional<RebuildRow> rebuild(String rebuildId) {
        return rebuilds.find(rebuildId).map(ViewConsole::row);
    }

    /** The snapshots whose data is there, newest moment first. */
    public List<Snapshot> snapshots() {
        return rebuilds.newest().stream()
                .filter(rebuild ->
                        rebuild.asOf() != null && !rebuild.dropped() && rebuild.state() == Rebuild.State.CAUGHT_UP)
                .map(rebuild -> new Snapshot(rebuild.version(), rebuild.asOf()))
                .sorted((a, b) -> b.asOf().compareTo(a.asOf()))
                .toList();
    }

    /** The diff of a caught-up rebuild; the API's conflict when it has none. */
    public DiffPage diff(String rebuildId, int page, int size) {
        StoredDiffs.Page found = diffs.page(rebuildId, page, size, false, ContactMasking.forCurrentUser());
        StoredDiffs.Summary summary = found.summary();
        return new DiffPage(
                rebuildId,
                summary.state() == StoredDiffs.State.READY,
                summary.failure(),
                summary.computedAt(),
                summary.liveVersion(),
                summary.rebuiltVersion(),
                summary.customersCompared(),
                summary.customersDiffering(),
                summary.fieldsDiffering(),
                found.items().stream()
                        .map(item -> new Difference(
                                item.customerId(), item.field(), text(item.live()), text(item.rebuilt())))
                        .toList(),
                found.page(),
                found.size(),
                summary.itemsKept());
    }

    /** Starts a rebuild of the customer-details view; {@code asOf} makes it a snapshot. */
    public String start(Instant asOf, boolean switchWhenCaughtUp) {
        return operations
                .start(
                        ReadVersions.CUSTOMER_DETAILS,
                        asOf,
                        switchWhenCaughtUp ? Rebuild.SwitchMode.WHEN_CAUGHT_UP : Rebuild.SwitchMode.MANUAL)
                .rebuildId();
    }

    public void switchTo(String rebuildId) {
        operations.switchTo(rebuildId, false);
    }

    public void rollBack(String view) {
        operations.rollBack(ViewOperations.view(view));
    }

    public void cancel(String rebuildId) {
        operations.cancel(rebuildId);
    }

    private static RebuildRow row(Rebuild rebuild) {
        return new RebuildRow(
                rebuild.rebuildId(),
                rebuild.view(),
                rebuild.version(),
                rebuild.asOf(),
                rebuild.state().name(),
                rebuild.eventsApplied(),
                rebuild.eventsTotal(),
                (int) Math.floor(Math.min(1, Math.max(0, rebuild.progress())) * 100),
                Math.round(rebuild.eventsPerSecond() * 10) / 10.0,
                rebuild.etaSeconds(),
                rebuild.startedAt(),
                rebuild.caughtUpAt(),
                rebuild.failure(),
                rebuild.dropped());
    }

    private static String text(Object value) {
        return value == null ? "—" : String.valueOf(value);
    }
}
