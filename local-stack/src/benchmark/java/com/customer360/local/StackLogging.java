package com.customer360.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stack's logging as it ships while Gatling runs in the same JVM. At the end of its first run Gatling stops
 * logback's context, which resets it: the root logger at DEBUG, the levels the stack set cleared, its appenders and
 * turbo filters gone. From then on the MongoDB driver, finding its command logger enabled, rendered every command and
 * every reply as JSON for a debug message nobody saw — 8 % of the CPU of the reads in the 09:28 run of 2026-12-03, a
 * cost the stack does not have on its own — and the services' warnings and errors went nowhere. {@link GatlingRun}
 * notes the configuration before Gatling first starts and puts it back after every run.
 */
final class StackLogging {

    private record Kept(Level level, boolean additive, List<Appender<ILoggingEvent>> appenders) {}

    private static final Map<String, Kept> KEPT = new HashMap<>();
    private static final List<TurboFilter> TURBO_FILTERS = new ArrayList<>();

    private StackLogging() {}

    /** Notes the levels, appenders and turbo filters in force now; once, before Gatling first starts. */
    static synchronized void keep() {
        if (!KEPT.isEmpty()) {
            return;
        }
        LoggerContext context = context();
        for (Logger logger : context.getLoggerList()) {
            List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
            logger.iteratorForAppenders().forEachRemaining(appenders::add);
            if (logger.getLevel() != null || !appenders.isEmpty() || !logger.isAdditive()) {
                KEPT.put(logger.getName(), new Kept(logger.getLevel(), logger.isAdditive(), appenders));
            }
        }
        TURBO_FILTERS.addAll(context.getTurboFilterList());
    }

    /**
     * Puts back what {@link #keep()} noted: every logger's level (none for those that had none), additivity and
     * appenders, restarted if they were stopped, and the turbo filters.
     *
     * @throws IllegalStateException if nothing was noted, or the driver's command log is still on
     */
    static synchronized void restore() {
        if (KEPT.isEmpty()) {
            throw new IllegalStateException("no logging configuration was kept before Gatling started");
        }
        LoggerContext context = context();
        if (!context.isStarted()) {
            context.start();
        }
        for (Logger logger : context.getLoggerList()) {
            Kept kept = KEPT.get(logger.getName());
            if (kept == null) {
                if (!Logger.ROOT_LOGGER_NAME.equals(logger.getName())) {
                    logger.setLevel(null);
                    logger.setAdditive(true);
                }
                continue;
            }
            logger.setLevel(kept.level());
            logger.setAdditive(kept.additive());
            for (Appender<ILoggingEvent> appender : kept.appenders()) {
                if (!logger.isAttached(appender)) {
                    restart(appender);
                    logger.addAppender(appender);
                }
            }
        }
        for (TurboFilter filter : TURBO_FILTERS) {
            if (!context.getTurboFilterList().contains(filter)) {
                filter.start();
                context.addTurboFilter(filter);
            }
        }
        if (LoggerFactory.getLogger("org.mongodb.driver.protocol.command").isDebugEnabled()) {
            throw new IllegalStateException(
                    "the MongoDB driver still logs its commands; the run would not measure the stack as shipped");
        }
    }

    private static void restart(Appender<ILoggingEvent> appender) {
        if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
                && stream.getEncoder() != null
                && !stream.getEncoder().isStarted()) {
            stream.getEncoder().start();
        }
        if (!appender.isStarted()) {
            appender.start();
        }
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
