package com.customer360.local;

import com.customer360.command.CommandServiceApplication;
import com.customer360.embedded.EmbeddedKafkaBroker;
import com.customer360.embedded.EmbeddedMongoServer;
import com.customer360.security.LocalUsers;
import com.customer360.security.Roles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command local run: a real Kafka broker and a MongoDB-protocol store inside this JVM, both keeping their
 * data under the data directory, the query and command services, and — on the first start — demo data.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String DEMO_MARKER = "demo-data.loaded";
    static final String LOCAL_USERS = "local-users.txt";

    private final LocalSettings settings;
    private final List<AutoCloseable> running = new ArrayList<>();
    private EmbeddedKafkaBroker kafka;
    private EmbeddedMongoServer mongo;
    private int queryPort;
    private int commandPort;
    private Path localUsers;
    private boolean usersCreated;

    LocalStack(LocalSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        CommandServiceApplication.quietAxonBanner();
        LocalSettings settings = LocalSettings.from(args, System.getenv());
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        stack.start();
        stack.printUrls(Duration.ofNanos(System.nanoTime() - start));
        stack.loadDemoDataOnFirstStart();
    }

    void start() throws IOException {
        Path data = settings.dataDirectory();
        Files.createDirectories(data);
        localUsers = data.resolve(LOCAL_USERS).toAbsolutePath().normalize();
        usersCreated = LocalUsers.createIfMissing(localUsers);
        mongo = EmbeddedMongoServer.persistent(data.resolve("mongo"), settings.mongoPort());
        running.add(mongo);
        kafka = EmbeddedKafkaBroker.persistent(data.resolve("kafka"), settings.kafkaPort());
        running.add(kafka);
        ConfigurableApplicationContext query =
                Services.startQueryService(serviceSettings("query"), settings.passThrough());
        running.add(query::close);
        queryPort = Services.port(query);
        ConfigurableApplicationContext command =
                Services.startCommandService(serviceSettings("command"), settings.passThrough());
        running.add(command::close);
        commandPort = Services.port(command);
    }

    private Map<String, String> serviceSettings(String service) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        if (service.equals("query")) {
            values.put("server.port", Integer.toString(settings.queryPort()));
            values.put("spring.data.mongodb.uri", mongo.connectionString() + "/customer360-views");
        } else {
            values.put("server.port", Integer.toString(settings.commandPort()));
            values.put("spring.data.mongodb.uri", mongo.connectionString() + "/customer360-events");
        }
        values.put("server.address", "127.0.0.1");
        values.put("customer360.security.local-users-file", localUsers.toString());
        // Both services log to one console here; the logger names tell them apart.
        values.put("logging.include-application-name", "false");
        values.put("spring.main.banner-mode", "off");
        return values;
    }

    URI commandApi() {
        return URI.create("http://127.0.0.1:" + commandPort);
    }

    URI queryApi() {
        return URI.create("http://127.0.0.1:" + queryPort);
    }

    /** The users file: one user per role, {@code role:password} per line. */
    Path localUsers() {
        return localUsers;
    }

    /** The {@code Authorization} header of one of the local users. */
    String authorization(String role) {
        return LocalUsers.basicAuthorization(localUsers, role);
    }

    String mongoConnectionString() {
        return mongo.connectionString();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    private void printUrls(Duration startedIn) {
        System.out.printf(
                """

                Customer 360 is running (started in %.1f s, data in %s)
                  Pages         %s/   (sign in as one of the users below)
                  Query API     %s/api/customers/%s
                  Command API   %s/api/customers   (POST, see requests.http)
                  Users         %s   (%s: viewer, writer, analyst, admin, one password each)
                  Try           curl -u "viewer:$(sed -n 's/^viewer://p' %s)" %s/api/customers
                  Kafka         %s   (topic customer-order-events)
                  MongoDB       %s
                  Stop with Ctrl+C; data survives a restart.

                """,
                startedIn.toMillis() / 1000.0,
                settings.dataDirectory().toAbsolutePath().normalize(),
                queryApi(),
                queryApi(),
                DemoData.customerId(1),
                commandApi(),
                localUsers,
                usersCreated ? "created now" : "kept from the first start",
                localUsers,
                queryApi(),
                kafka.bootstrapServers(),
                mongo.connectionString());
    }

    void loadDemoDataOnFirstStart() throws InterruptedException, IOException {
        Path marker = settings.dataDirectory().resolve(DEMO_MARKER);
        if (!settings.demoData() || Files.exists(marker)) {
            return;
        }
        DemoData.Plan plan = DemoData.generate(42, settings.demoCustomers(), settings.demoOrders(), Instant.now());
        log.info("Loading demo data: {} requests through the command API", plan.size());
        DemoLoader.Outcome outcome =
                new DemoLoader(commandApi(), authorization(Roles.WRITER), DemoLoader.CLIENTS).load(plan);
        Files.writeString(marker, "requests=" + outcome.sent() + " refused=" + outcome.refused() + "\n");
        System.out.printf(
                "Demo data loaded: %d requests in %.1f s (%d refused).%n"
                        + "  Customers                 %s/%n"
                        + "  The long order history    %s/customers/%s%n",
                outcome.sent(),
                outcome.took().toMillis() / 1000.0,
                outcome.refused(),
                queryApi(),
                queryApi(),
                DemoData.BIG_CUSTOMER);
    }

    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("Could not stop cleanly: {}", e.toString());
            }
        }
        running.clear();
    }
}
