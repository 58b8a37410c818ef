package com.customer360.query.views;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/**
 * A page of a rebuild's diff as the API answers it: {@code READY} with the page, or {@code COMPUTING} (or {@code
 * FAILED}, with its {@code failure}: made again 30 s after, or when asked with POST) with how far it got and no
 * items yet.
 */
record DiffView(
        String rebuildId,
        String state,
        int liveVersion,
        int rebuiltVersion,
        Instant startedAt,
        Instant computedAt,
        long customersCompared,
        long customersDiffering,
        Map<String, Long> fieldsDiffering,
        List<ViewDiff.Item> items,
        int page,
        int size,
        long totalItems,
        long itemsKept) {

    static DiffView of(StoredDiffs.Page page) {
        StoredDiffs.Summary summary = page.summary();
        return new DiffView(
                summary.rebuildId(),
                summary.state().name(),
                summary.liveVersion(),
                summary.rebuiltVersion(),
                summary.startedAt(),
                summary.computedAt(),
                summary.customersCompared(),
                summary.customersDiffering(),
                summary.fieldsDiffering(),
                page.items(),
                page.page(),
                page.size(),
                summary.totalItems(),
                summary.itemsKept());
    }

    /** 200 when the diff is made, 202 (ask again in a second) while it is not. */
    static ResponseEntity<DiffView> response(StoredDiffs.Page page) {
        DiffView view = of(page);
        return page.summary().state() == StoredDiffs.State.READY
                ? ResponseEntity.ok(view)
                : ResponseEntity.accepted().header("Retry-After", "1").body(view);
    }
}
