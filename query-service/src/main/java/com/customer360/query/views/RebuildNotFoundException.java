package com.customer360.query.views;

import com.customer360.query.web.NotFoundException;

/** No rebuild under the id. */
final class RebuildNotFoundException {

    private RebuildNotFoundException() {}

    static NotFoundException of(String rebuildId) {
        return new NotFoundException("rebuild", rebuildId);
    }
}
