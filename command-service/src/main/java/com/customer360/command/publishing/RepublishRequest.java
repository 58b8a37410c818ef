package com.customer360.command.publishing;

import java.time.Instant;

/** What to publish again: one aggregate's stream ({@code customer:<id>} or {@code order:<id>}), or a time range. */
record RepublishRequest(String aggregate, Instant from, Instant to) {}
