package com.customer360.query.views;

import com.customer360.query.store.ReadVersions;
import org.springframework.stereotype.Component;

/** The versions of the customer-details view a reader may ask for: in use, or a rebuild's whose data is still there. */
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

    boolean isReadable(int version) {
        if (version == versions.active(ReadVersions.CUSTOMER_DETAILS)) {
            return true;
        }
        if (registry.entry(ReadVersions.CUSTOMER_DETAILS).isInUse(version)) {
            return true;
        }
        return rebuilds.ofVersion(ReadVersions.CUSTOMER_DETAILS, version)
                .filter(rebuild -> !rebuild.dropped())
                .isPresent();
    }
}
