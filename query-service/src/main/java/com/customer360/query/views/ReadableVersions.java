package com.customer360.query.views;

import com.customer360.query.store.ReadVersions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The versions of the customer-details view a reader may ask for: in use, or a rebuild's that has caught up and whose
 * data is still there. A rebuild still catching up is not readable: its figures are partial, and the indexes the
 * list and the history are read along are created only once its documents are in.
 */
@Component
class ReadableVersions {

    private final ReadVersions versions;
    private final ViewRegistry registry;
    private final Rebuilds rebuilds;

    ReadableVersions(ReadVersions versions, ViewRegistry registry, Rebuilds rebuilds) {
        this.versions = versions;
        this.registry = registry;
        this.rebuilds = rebuilds;
    }

    /** Why {@code version} cannot be read, or empty if it can. */
    Optional<String> refusal(int version) {
        if (version == versions.active(ReadVersions.CUSTOMER_DETAILS)
                || registry.entry(ReadVersions.CUSTOMER_DETAILS).isInUse(version)) {
            return Optional.empty();
        }
        Optional<Rebuild> rebuild =
                rebuilds.ofVersion(ReadVersions.CUSTOMER_DETAILS, version).filter(candidate -> !candidate.dropped());
        if (rebuild.isEmpty()) {
            return Optional.of("there is no version " + version + " of the customer-details view to read");
        }
        if (rebuild.get().caughtUpAt() == null) {
            return Optional.of("version " + version + " of the customer-details view is still being rebuilt; it can be"
                    + " read once its rebuild has caught up");
        }
        return Optional.empty();
    }
}
