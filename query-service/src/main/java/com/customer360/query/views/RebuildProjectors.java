package com.customer360.query.views;

import com.customer360.events.cloudevents.EventEnvelope;
import com.customer360.query.projection.BulkProjector;
import com.customer360.query.projection.ProjectionCheckpoints;
import com.customer360.query.projection.ProjectionResult;
import com.customer360.query.projection.ProjectionSettings;
import com.customer360.query.projection.Projector;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How a rebuild folds its events into its version: the same {@link Projector}, with its rules, as the live view —
 * which is what makes a rebuild's diff empty when nothing changed, and shows a changed rule when one did. Tests
 * replace the bean to inject such a change.
 */
public interface RebuildProjectors {

    /** The projection of one slice of events into the version, returning once it is written. */
    interface VersionProjection {
        ProjectionResult project(List<EventEnvelope> events);

        /** Documents folded in memory that wait for {@link #flush()}; 0 for a projection that writes as it goes. */
        default int buffered() {
            return 0;
        }

        /** Whether anything folded waits for {@link #flush()} (documents or timeline entries). */
        default boolean unwritten() {
            return buffered() > 0;
        }

        /**
         * Drops from memory, unwritten, what was folded for the customers the test accepts; the caller folds their
         * events again later. Nothing to drop for a projection that writes as it goes.
         */
        default void forget(Predicate<String> customerIds) {}

        /** Writes what waits in memory; the rebuild commits its offsets only after this. */
        default void flush() {}

        /**
         * Completes the version once the catch-up has written everything (its indexes), before it is caught up;
         * harmless to call again after a crash.
         */
        default void finish() {}
    }

    /** Whether the version's collections hold any document yet. */
    default boolean holdsDocuments(int version) {
        return true;
    }

    /** The projection that follows live events once the rebuild caught up: a batch is written when projected. */
    VersionProjection forVersion(int version);

    /**
     * The projection of the catch-up from the beginning of the topic: folded in memory, flushed in bulk.
     *
     * @param storeMayHoldDocuments whether the version may hold documents of the customers it will fold: then those
     *     not in memory are read from the store first
     */
    default VersionProjection catchUp(int version, boolean storeMayHoldDocuments) {
        return forVersion(version);
    }

    @Configuration(proxyBeanMethods = false)
    class Default {

        @Bean
        RebuildProjectors rebuildProjectors(
                MongoTemplate mongo, Clock clock, ProjectionSettings settings, ViewSettings views) {
            return new RebuildProjectors() {
                @Override
                public VersionProjection forVersion(int version) {
                    Projector projector = new Projector(mongo, clock, settings, ProjectionCheckpoints.NONE, version);
                    return events -> projector.project(events, true);
                }

                @Override
                public boolean holdsDocuments(int version) {
                    return BulkProjector.holdsDocuments(mongo, version);
                }

                @Override
                public VersionProjection catchUp(int version, boolean storeMayHoldDocuments) {
                    BulkProjector bulk = new BulkProjector(
                            mongo, clock, settings, version, storeMayHoldDocuments, views.bulkMaxDocuments());
                    return new VersionProjection() {
                        @Override
                        public ProjectionResult project(List<EventEnvelope> events) {
                            return bulk.project(events);
                        }

                        @Override
                        public int buffered() {
                            return bulk.documentsInMemory();
                        }

                        @Override
                        public boolean unwritten() {
                            return bulk.holdsUnwritten();
                        }

                        @Override
                        public void forget(Predicate<String> customerIds) {
                            bulk.forget(customerIds);
                        }

                        @Override
                        public void flush() {
                            bulk.flush();
                        }

                        @Override
                        public void finish() {
                            bulk.finish();
                        }
                    };
                }
            };
        }
    }
}
