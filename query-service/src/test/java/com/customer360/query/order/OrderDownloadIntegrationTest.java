package com.customer360.query.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.customer360.query.EventHistory;
import com.customer360.query.StandaloneQueryService;
import com.customer360.testing.TestHttp;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An order downloaded as a PDF sheet, a CSV of its lines and JSON, each read back and compared with the order. */
class OrderDownloadIntegrationTest {

    private final StandaloneQueryService service = StandaloneQueryService.shared();
    private final String customerId = "c-" + UUID.randomUUID();
    private final String orderId = "o-dl-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void publishAnOrder() {
        EventHistory history = new EventHistory();
        service.publisher()
                .publish(List.of(
                        history.registered(customerId, null),
                        history.placedWithLines(orderId, customerId, "EUR", 3, "12.50"),
                        history.shipped(orderId, customerId, "2026-01-02"),
                        history.refunded(orderId, customerId, "EUR", "5.00")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> service.http()
                                .get("/api/orders/" + orderId)
                                .json()
                                .path("refundCount")
                                .asInt()
                        == 1);
    }

    @Test
    void shouldDownloadAReadablePdfOrderSheet() throws Exception {
        TestHttp.BinaryAnswer pdf = download("pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition").orElseThrow()).contains("attachment", "order-" + orderId + ".pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains("Order " + orderId)
                .contains("store-1")
                .contains("IN TRANSIT")
                .contains("Thing number 0", "Thing number 2")
                .contains("12.50 EUR")
                .contains("37.50 EUR")
                .contains("5.00 EUR")
                .contains("Order Street " + orderId)
                .contains("DHL");
    }

    @Test
    void shouldDownloadTheLinesAsCsvWithTheOrdersFieldsOnEachRow() throws Exception {
        TestHttp.BinaryAnswer csv = download("csv");

        assertThat(csv.header("Content-Disposition").orElseThrow()).contains("order-" + orderId + ".csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(row -> row.get("sku")).containsExactly("SKU-0", "SKU-1", "SKU-2");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("orderId")).isEqualTo(orderId);
            assertThat(row.get("total")).isEqualTo("37.50");
            assertThat(row.get("refundedTotal")).isEqualTo("5.00");
            assertThat(row.get("currency")).isEqualTo("EUR");
            assertThat(row.get("status")).isEqualTo("IN_TRANSIT");
            assertThat(row.get("lineTotal")).isEqualTo("12.50");
        });
    }

    @Test
    void shouldDownloadTheOrderAsJson() throws Exception {
        TestHttp.BinaryAnswer json = download("json");

        assertThat(json.header("Content-Disposition").orElseThrow()).contains("order-" + orderId + ".json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body()))
                .isEqualTo(service.http().get("/api/orders/" + orderId).json());
    }

    @Test
    void cannotDownloadInAnUnknownFormatOrAnUnknownOrder() {
        TestHttp.Answer format = service.http().get("/api/orders/" + orderId + "/download?format=docx");
        TestHttp.Answer unknown = service.http().get("/api/orders/o-nobody/download?format=pdf");

        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().path("errors").path(0).path("field").asText()).isEqualTo("format");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private TestHttp.BinaryAnswer download(String format) {
        return service.http().getBytes("/api/orders/" + orderId + "/download?format=" + format);
    }
}
