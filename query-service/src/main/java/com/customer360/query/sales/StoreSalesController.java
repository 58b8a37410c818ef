package com.customer360.query.sales;

import com.customer360.events.Identifiers;
import com.customer360.security.ReadsCustomers;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The store-sales view's API: a store's figures per day, and how far the view has read the event history. */
@RestController
@ReadsCustomers
class StoreSalesController {

    private final StoreSales sales;
    private final StoreSalesProgress progress;

    StoreSalesController(StoreSales sales, StoreSalesProgress progress) {
        this.sales = sales;
        this.progress = progress;
    }

    /** Per day of the range (UTC, by the orders' order date): counted orders, revenue, refunds, AOV. */
    @GetMapping("/api/stores/{storeId}/sales")
    StoreSales.Report sales(
            @PathVariable("storeId") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE) String storeId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "currency", required = false) String currency) {
        return sales.report(storeId, from, to, currency);
    }

    /** The backfill's progress, then {@code LIVE}: events applied of total, events/s, time left. */
    @GetMapping("/api/sales/progress")
    StoreSalesProgress.Progress progress() {
        return progress.progress();
    }
}
