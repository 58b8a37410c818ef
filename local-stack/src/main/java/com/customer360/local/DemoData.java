package com.customer360.local;

import static com.customer360.local.DemoCatalog.EU_CITIES;
import static com.customer360.local.DemoCatalog.FIRST;
import static com.customer360.local.DemoCatalog.JP_CITIES;
import static com.customer360.local.DemoCatalog.LAST;
import static com.customer360.local.DemoCatalog.PRODUCTS;
import static com.customer360.local.DemoCatalog.STORES;
import static com.customer360.local.DemoCatalog.US_CITIES;

import com.customer360.local.DemoCatalog.Product;
import com.customer360.local.DemoCatalog.Region;
import com.customer360.local.DemoCatalog.Store;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic shop history: customers in Europe, the US and Japan, seven stores in three currencies (EUR, USD and
 * JPY, which has no minor unit), and orders in every status — drafts, cancellations, shipments stuck in transit,
 * deliveries, returns and refunds — placed over the last eighteen months. One wholesale customer orders far more than
 * everyone else together, so that the pages have a long order history to page through. The same seed and day always
 * give the same requests, so loading can simply start again after an interruption.
 */
final class DemoData {

    /** The customer with the long order history. */
    static final String BIG_CUSTOMER = "demo-c-0000";

    /** One HTTP request to the command API. */
    record Call(String method, String path, Map<String, Object> body, String idempotencyKey) {}

    /** Registrations first, then each order's requests in the order they must happen. */
    record Plan(List<Call> customers, List<List<Call>> orders) {
        int size() {
            return customers.size() + orders.stream().mapToInt(List::size).sum();
        }
    }

    private final Random random;
    private final Instant dayStart;
    private String[] names;

    private DemoData(long seed, Instant now) {
        this.random = new Random(seed);
        this.dayStart = now.truncatedTo(ChronoUnit.DAYS);
    }

    /**
     * The plan for the given day: times are measured back from the start of that day. Of the {@code orderCount}
     * orders the wholesale customer ({@link #BIG_CUSTOMER}, registered besides the {@code customerCount} others)
     * places two in three, so that the demo shows a long history and still loads as fast as before it had one.
     */
    static Plan generate(long seed, int customerCount, int orderCount, Instant now) {
        int wholesale = orderCount * 2 / 3;
        return generate(seed, customerCount, orderCount - wholesale, wholesale, now);
    }

    /** The plan with {@code orderCount} orders of the others and {@code bigCustomerOrders} of the wholesaler. */
    static Plan generate(long seed, int customerCount, int orderCount, int bigCustomerOrders, Instant now) {
        return new DemoData(seed, now).plan(customerCount, orderCount, bigCustomerOrders);
    }

    static String customerId(int index) {
        return String.format("demo-c-%04d", index);
    }

    private Plan plan(int customerCount, int orderCount, int bigCustomerOrders) {
        List<Call> customers = new ArrayList<>();
        Region[] home = new Region[customerCount + 1];
        names = new String[customerCount + 1];
        boolean[] traveller = new boolean[customerCount + 1];
        customers.add(wholesaler());
        for (int c = 1; c <= customerCount; c++) {
            int draw = random.nextInt(10);
            home[c] = draw < 5 ? Region.EUROPE : draw < 8 ? Region.US : Region.JAPAN;
            traveller[c] = random.nextInt(100) < 15;
            customers.add(registration(c, home[c]));
        }
        List<List<Call>> orders = new ArrayList<>();
        for (int o = 1; o <= orderCount; o++) {
            // A few customers place many orders, most place a handful.
            int c = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 1.4) * customerCount);
            Region region = traveller[c] && random.nextBoolean() ? Region.values()[random.nextInt(3)] : home[c];
            orders.add(order(String.format("demo-o-%05d", o), customerId(c), names[c], region, random.nextInt(100)));
        }
        for (int o = 1; o <= bigCustomerOrders; o++) {
            Region region = random.nextInt(10) < 8 ? Region.EUROPE : Region.JAPAN;
            // A business rarely leaves a draft: one in twenty of the drafts the others would leave.
            int fate = random.nextInt(20) == 0 ? random.nextInt(100) : 8 + random.nextInt(92);
            orders.add(order(String.format("demo-w-%05d", o), BIG_CUSTOMER, "Receiving, Sencha & Co.", region, fate));
        }
        // Mixed, as orders arrive from many customers at once; the same seed mixes them the same way.
        Collections.shuffle(orders, random);
        return new Plan(customers, orders);
    }

    private Call wholesaler() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", BIG_CUSTOMER);
        body.put("name", "Sencha & Co. Tea Rooms");
        body.put("email", "orders@sencha-co.example.com");
        body.put("phone", "+49 30 5550199");
        body.put("defaultShippingAddress", address("Sencha & Co. Tea Rooms", Region.EUROPE));
        return new Call("POST", "/api/customers", body, "demo-" + BIG_CUSTOMER);
    }

    private Call registration(int c, Region region) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        names[c] = first + " " + last;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId(c));
        body.put("name", first + " " + last);
        body.put("email", (first + "." + last).toLowerCase().replace(' ', '-') + "." + c + "@example.com");
        if (random.nextInt(10) < 7) {
            body.put("phone", region.phonePrefix + (5550000 + random.nextInt(9999)));
        }
        if (random.nextInt(10) < 8) {
            body.put("defaultShippingAddress", address(first + " " + last, region));
        }
        return new Call("POST", "/api/customers", body, "demo-" + customerId(c));
    }

    private Map<String, Object> address(String name, Region region) {
        String[][] cities =
                switch (region) {
                    case EUROPE -> EU_CITIES;
                    case US -> US_CITIES;
                    case JAPAN -> JP_CITIES;
                };
        String[] city = cities[random.nextInt(cities.length)];
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", name);
        address.put("line1", (1 + random.nextInt(199)) + region.street);
        address.put("city", city[0]);
        address.put("postalCode", city[1]);
        address.put("country", city[2]);
        return address;
    }

    /** @param fate 0–99: what becomes of the order, from a draft (the lowest) to a delivery with a refund */
    private List<Call> order(String orderId, String customerId, String name, Region region, int fate) {
        List<Store> stores = STORES.stream().filter(s -> s.region() == region).toList();
        Store store = stores.get(random.nextInt(stores.size()));
        String currency = region.currency;
        Instant placedAt =
                dayStart.minus(Duration.ofMinutes(random.nextInt(540 * 24 * 60)).plusMinutes(30));
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            int quantity = 1 + random.nextInt(3);
            BigDecimal price = new BigDecimal(product.price(currency));
            lines.add(Map.of("sku", product.sku(), "name", product.name(), "quantity", quantity, "unitPrice", price));
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("orderId", orderId);
        create.put("customerId", customerId);
        create.put("storeId", store.id());
        create.put("currency", currency);
        create.put("lines", lines);
        create.put("shippingAddress", address(name, region));

        List<Call> calls = new ArrayList<>();
        if (fate < 5) { // a draft still being put together
            create.put("draft", true);
            calls.add(call("POST", "/api/orders", create, orderId, "create"));
            return calls;
        }
        if (fate < 8) { // a draft placed now, or abandoned
            create.put("draft", true);
            calls.add(call("POST", "/api/orders", create, orderId, "create"));
            calls.add(call(
                    "POST", "/api/orders/" + orderId + (fate < 7 ? "/place" : "/cancel"), Map.of(), orderId, "next"));
            return calls;
        }
        create.put("placedAt", placedAt.toString());
        calls.add(call("POST", "/api/orders", create, orderId, "create"));
        if (fate < 15) {
            calls.add(call(
                    "POST",
                    "/api/orders/" + orderId + "/cancel",
                    Map.of("reason", "Customer changed their mind"),
                    orderId,
                    "cancel"));
            return calls;
        }
        Instant shipped = placedAt.plus(Duration.ofHours(20 + random.nextInt(30)));
        if (fate < 22 || shipped.isAfter(dayStart)) {
            return calls; // placed, not shipped yet
        }
        calls.add(shipment(orderId, "IN_TRANSIT", shipped, "Left the warehouse", "1"));
        Instant delivered = shipped.plus(Duration.ofHours(30 + random.nextInt(70)));
        if (fate < 30 || delivered.isAfter(dayStart)) {
            return calls; // in transit; the ones whose last update is over a week old are stuck
        }
        calls.add(shipment(orderId, "DELIVERED", delivered, "Handed to the customer", "2"));
        if (fate < 38) {
            calls.add(call(
                    "POST",
                    "/api/orders/" + orderId + "/return",
                    Map.of("reason", "Did not fit the kitchen"),
                    orderId,
                    "return"));
            if (fate < 36) {
                calls.add(call(
                        "POST",
                        "/api/orders/" + orderId + "/refunds",
                        Map.of("amount", total, "reason", "Returned"),
                        orderId,
                        "refund"));
            }
        } else if (fate < 48) {
            BigDecimal partial = (BigDecimal) lines.get(0).get("unitPrice");
            calls.add(call(
                    "POST",
                    "/api/orders/" + orderId + "/refunds",
                    Map.of("amount", partial, "reason", "Arrived damaged"),
                    orderId,
                    "refund"));
        }
        return calls;
    }

    private Call shipment(String orderId, String status, Instant at, String note, String step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("carrier", "DHL");
        body.put("trackingNumber", "JD0146" + orderId.replaceAll("\\D", ""));
        body.put("note", note);
        body.put("at", at.toString());
        return call("POST", "/api/orders/" + orderId + "/shipment-updates", body, orderId, "ship-" + step);
    }

    private static Call call(String method, String path, Map<String, Object> body, String orderId, String step) {
        return new Call(method, path, body, "demo-" + orderId + "-" + step);
    }
}
