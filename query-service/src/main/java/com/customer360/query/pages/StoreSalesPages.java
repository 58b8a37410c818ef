package com.customer360.query.pages;

import com.customer360.events.Identifiers;
import com.customer360.query.sales.StoreSales;
import com.customer360.query.sales.StoreSalesProgress;
import com.customer360.query.web.InvalidParameterException;
import com.customer360.query.web.NotFoundException;
import com.customer360.security.ReadsCustomers;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A store's sales page: per day of a range, counted orders, revenue, refunds and average order value in one currency,
 * as a table and a small chart. The chart's figures travel in data attributes of its element, read by a script file
 * of its own: the pages allow no inline scripts.
 */
@Controller
@ReadsCustomers
class StoreSalesPages {

    private final StoreSales sales;
    private final StoreSalesProgress progress;

    StoreSalesPages(StoreSales sales, StoreSalesProgress progress) {
        this.sales = sales;
        this.progress = progress;
    }

    @GetMapping("/stores/{storeId}/sales")
    String sales(
            @PathVariable("storeId") String storeId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "currency", required = false) String currency,
            Model model) {
        if (!storeId.matches(Identifiers.PATTERN)) {
            throw new NotFoundException("store", storeId);
        }
        StoreSales.Report report;
        try {
            report = sales.report(storeId, blankAsNull(from), blankAsNull(to), blankAsNull(currency));
        } catch (InvalidParameterException e) {
            throw new PageParameterException("The " + e.field() + " " + e.reason() + ".");
        }
        model.addAttribute("report", report);
        model.addAttribute(
                "dates",
                json(report.items().stream()
                        .map(day -> String.valueOf(day.date().toEpochDay() * 86_400))
                        .toList()));
        model.addAttribute(
                "revenue",
                json(report.items().stream().map(StoreSales.Day::revenue).toList()));
        model.addAttribute(
                "orders",
                json(report.items().stream()
                        .map(day -> String.valueOf(day.orders()))
                        .toList()));
        model.addAttribute("progress", backfill());
        return "pages/sales";
    }

    /** The view's progress while it is still backfilling, else {@code null}; the page shows figures either way. */
    private StoreSalesProgress.Progress backfill() {
        try {
            StoreSalesProgress.Progress now = progress.progress();
            return now.caughtUpAt() == null ? now : null;
        } catch (ErrorResponseException e) {
            return null;
        }
    }

    /** A JSON array of plain decimal numbers (seconds since 1970, amounts, counts): nothing to escape. */
    private static String json(List<String> numbers) {
        return String.join(",", numbers).transform(joined -> "[" + joined + "]");
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
