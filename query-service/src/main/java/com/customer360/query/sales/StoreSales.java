package com.customer360.query.sales;

import com.customer360.events.Money;
import com.customer360.query.sales.StoreSalesDocuments.DayFigures;
import com.customer360.query.web.InvalidParameterException;
import com.customer360.query.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a store's sales of a range of days in one currency: every day of the range, a day without counted orders with
 * zeros, so a chart needs no gaps filled. The range is at most {@value #MAX_DAYS} days, so an answer is bounded; its
 * days are read by their ids.
 */
@Component
public class StoreSales {

    /** The longest range one answer covers: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    /** The range asked for when none is: the last {@value #DEFAULT_DAYS} days up to today (UTC). */
    static final int DEFAULT_DAYS = 30;

    private final StoreSalesDocuments documents;
    private final Clock clock;

    StoreSales(StoreSalesDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /** A store's figures of one day in one currency, money as JSON carries it. */
    public record Day(LocalDate date, long orders, String revenue, String refunds, String averageOrderValue) {}

    /** The answer of {@code GET /api/stores/{storeId}/sales}. */
    public record Report(
            String storeId, String currency, LocalDate from, LocalDate to, List<String> currencies, List<Day> items) {}

    /**
     * @param from first day, ISO {@code yyyy-MM-dd}; {@code null} for {@value #DEFAULT_DAYS} days before {@code to}
     * @param to last day, included; {@code null} for today (UTC)
     * @param currency ISO 4217; {@code null} for the store's only currency
     */
    public Report report(String storeId, String from, String to, String currency) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw new InvalidParameterException("from", "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidParameterException("to", "the range covers at most " + MAX_DAYS + " days");
        }
        if (currency != null && !Money.isCurrency(currency)) {
            throw new InvalidParameterException("currency", "must be an ISO 4217 currency code such as EUR");
        }
        List<String> currencies = documents.currencies(storeId);
        if (currencies.isEmpty()) {
            throw new NotFoundException("store", storeId);
        }
        String chosen = currency != null ? currency : only(currencies);
        List<String> ids = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            ids.add(OrderSales.dayIdOf(storeId, chosen, day));
        }
        Map<String, DayFigures> stored = documents.days(ids);
        List<Day> items = new ArrayList<>(ids.size());
        for (String id : ids) {
            DayFigures day = stored.getOrDefault(id, DayFigures.empty(id));
            items.add(new Day(
                    day.day(),
                    day.orders(),
                    Money.format(day.revenue(), chosen),
                    Money.format(day.refunds(), chosen),
                    Money.format(Money.average(day.revenue(), day.orders(), chosen), chosen)));
        }
        return new Report(storeId, chosen, first, last, currencies, items);
    }

    private static String only(List<String> currencies) {
        if (currencies.size() > 1) {
            throw new InvalidParameterException(
                    "currency", "the store sells in " + String.join(", ", currencies) + ": name one");
        }
        return currencies.get(0);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "must be a date such as 2026-06-30");
        }
    }
}
