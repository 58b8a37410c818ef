package com.customer360.query.order;

import com.customer360.events.Address;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An order as a file to keep or send on: a readable PDF order sheet (OpenPDF) and a CSV of its lines with the order's
 * fields on every row (Commons CSV). Money always carries its currency; times are UTC.
 */
final class OrderFiles {

    static final List<String> CSV_HEADER = List.of(
            "orderId",
            "customerId",
            "storeId",
            "status",
            "currency",
            "orderDate",
            "placedAt",
            "total",
            "refundedTotal",
            "shippingAddress",
            "sku",
            "name",
            "quantity",
            "unitPrice",
            "lineTotal");

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

    private OrderFiles() {}

    static String csv(OrderDetailsView order) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader(CSV_HEADER.toArray(String[]::new))
                .get()
                .print(out)) {
            for (OrderDetailsView.Line line : order.lines()) {
                csv.printRecord(
                        order.orderId(),
                        order.customerId(),
                        order.storeId(),
                        order.status(),
                        order.currency(),
                        order.orderDate(),
                        order.placedAt(),
                        order.total(),
                        order.refundedTotal(),
                        oneLine(order.shippingAddress()),
                        line.sku(),
                        line.name(),
                        line.quantity(),
                        line.unitPrice(),
                        line.lineTotal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] pdf(OrderDetailsView order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document sheet = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(sheet, out);
            sheet.addTitle("Order " + order.orderId());
            sheet.open();
            sheet.add(new Paragraph("Order " + order.orderId(), TITLE));
            sheet.add(new Paragraph(" ", TEXT));
            PdfPTable facts = table(2, 1f, 3f);
            fact(facts, "Customer", order.customerId());
            fact(facts, "Store", order.storeId());
            fact(facts, "Status", order.status().name().replace('_', ' ') + (order.stuckInTransit() ? " (stuck)" : ""));
            fact(facts, "Order date", when(order.orderDate()));
            fact(facts, "Drafted", when(order.draftedAt()));
            fact(facts, "Placed", when(order.placedAt()));
            fact(facts, "Delivered", when(order.deliveredAt()));
            fact(facts, "Cancelled", when(order.cancelledAt()) + reason(order.cancelReason()));
            fact(facts, "Returned", when(order.returnedAt()) + reason(order.returnReason()));
            fact(facts, "Ship to", oneLine(order.shippingAddress()));
            sheet.add(facts);

            sheet.add(heading("Lines"));
            PdfPTable lines = table(5, 1.4f, 3f, 0.8f, 1.4f, 1.4f);
            header(lines, "SKU", "Item", "Qty", "Unit price", "Line total");
            for (OrderDetailsView.Line line : order.lines()) {
                cell(lines, line.sku(), Element.ALIGN_LEFT);
                cell(lines, line.name(), Element.ALIGN_LEFT);
                cell(lines, Integer.toString(line.quantity()), Element.ALIGN_RIGHT);
                cell(lines, money(line.unitPrice(), order.currency()), Element.ALIGN_RIGHT);
                cell(lines, money(line.lineTotal(), order.currency()), Element.ALIGN_RIGHT);
            }
            sheet.add(lines);
            PdfPTable totals = table(2, 3f, 1.4f);
            total(totals, "Total", money(order.total(), order.currency()));
            total(totals, "Refunded", money(order.refundedTotal(), order.currency()));
            sheet.add(totals);

            if (!order.refunds().isEmpty()) {
                sheet.add(heading("Refunds" + countNote(order.refunds().size(), order.refundCount())));
                PdfPTable refunds = table(3, 1.6f, 1.4f, 3f);
                header(refunds, "When", "Amount", "Reason");
                for (OrderDetailsView.Refund refund : order.refunds()) {
                    cell(refunds, when(refund.refundedAt()), Element.ALIGN_LEFT);
                    cell(refunds, money(refund.amount(), order.currency()), Element.ALIGN_RIGHT);
                    cell(refunds, refund.reason(), Element.ALIGN_LEFT);
                }
                sheet.add(refunds);
            }
            if (!order.shipmentUpdates().isEmpty()) {
                sheet.add(heading(
                        "Shipment updates" + countNote(order.shipmentUpdates().size(), order.shipmentUpdateCount())));
                PdfPTable updates = table(4, 1.6f, 1.2f, 1.6f, 2.6f);
                header(updates, "When", "Status", "Carrier", "Where / note");
                for (OrderDetails.ShipmentUpdate update : order.shipmentUpdates()) {
                    cell(updates, when(update.at()), Element.ALIGN_LEFT);
                    cell(updates, update.status().name().replace('_', ' '), Element.ALIGN_LEFT);
                    cell(updates, join(update.carrier(), update.trackingNumber()), Element.ALIGN_LEFT);
                    cell(updates, join(update.location(), update.note()), Element.ALIGN_LEFT);
                }
                sheet.add(updates);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("the order sheet could not be laid out", e);
        } finally {
            sheet.close();
        }
        return out.toByteArray();
    }

    /** An address on one line, as a CSV cell or a sheet line. */
    static String oneLine(Address address) {
        if (address == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {
            address.name(),
            address.line1(),
            address.line2(),
            address.postalCode() + " " + address.city(),
            address.region(),
            address.country()
        }) {
            if (part != null && !part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return String.join(", ", parts);
    }

    private static String money(String amount, String currency) {
        return amount == null ? "" : amount + " " + currency;
    }

    private static String when(Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    private static String reason(String reason) {
        return reason == null ? "" : " (" + reason + ")";
    }

    private static String countNote(int shown, long all) {
        return shown < all ? " (the newest " + shown + " of " + all + ")" : "";
    }

    private static String join(String first, String second) {
        return List.of(first == null ? "" : first, second == null ? "" : second).stream()
                .filter(part -> !part.isBlank())
                .reduce((a, b) -> a + " · " + b)
                .orElse("");
    }

    private static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(4);
        return heading;
    }

    private static PdfPTable table(int columns, float... widths) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        return table;
    }

    private static void fact(PdfPTable table, String label, String value) {
        PdfPCell name = new PdfPCell(new Phrase(label, BOLD));
        name.setBorder(0);
        PdfPCell text = new PdfPCell(new Phrase(value, TEXT));
        text.setBorder(0);
        table.addCell(name);
        table.addCell(text);
    }

    private static void header(PdfPTable table, String... names) {
        for (String name : names) {
            PdfPCell cell = new PdfPCell(new Phrase(name, BOLD));
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
    }

    private static void cell(PdfPTable table, String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, TEXT));
        cell.setHorizontalAlignment(alignment);
        table.addCell(cell);
    }

    private static void total(PdfPTable table, String label, String amount) {
        PdfPCell name = new PdfPCell(new Phrase(label, BOLD));
        name.setBorder(0);
        name.setHorizontalAlignment(Element.ALIGN_RIGHT);
        PdfPCell value = new PdfPCell(new Phrase(amount, BOLD));
        value.setBorder(0);
        value.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(name);
        table.addCell(value);
    }
}
