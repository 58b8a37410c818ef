package com.customer360.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stack's logging as it ships while Gatling runs in the same JVM. Gatling's start leaves logback with its
 * root logger at DEBUG and the levels the stack set cleared; from then on the MongoDB driver, finding its command
 * logger enabled, rendered every command and every reply as JSON for a debug message nobody prints — 8 % of the CPU
 * of the reads in the 09:28 run of 2026-12-03, a cost the stack does not have on its own. Each simulation puts the
 * levels back in its {@code before()} hook, which Gatling runs after its own start and before the first request.
 */
final class StackLogging {

    private static final Map<String, Level> LEVELS = new HashMap<>();

    private StackLogging() {}

    /** Notes the levels set now, while the stack's configuration is in force; once, before Gatling first starts. */
    static synchronized void keep() {
        if (!LEVELS.isEmpty()) {
            return;
        }
        for (Logger logger : context().getLoggerList()) {
            if (logger.getLevel() != null) {
                LEVELS.put(logger.getName(), logger.getLevel());
            }
        }
    }

    /**
     * Sets every logger back to the level noted, and clears any level set since on another.
     *
     * @throws IllegalStateException if none were noted, or the driver's command log is still on
     */
    static synchronized void restore() {
        if (LEVELS.isEmpty()) {
            throw new IllegalStateException("no logging levels were kept before Gatling started");
        }
        for (Logger logger : context().getLoggerList()) {
            logger.setLevel(LEVELS.get(logger.getName()));
        }
        if (driverCommandsLogged()) {
            throw new IllegalStateException(
                    "the MongoDB driver still logs its commands; the run would not measure the stack as shipped");
        }
    }

    /** Whether the MongoDB driver would render its commands for the log: never, in a measured run. */
    private static boolean driverCommandsLogged() {
        return LoggerFactory.getLogger("org.mongodb.driver.protocol.command").isDebugEnabled();
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
