package com.customer360.query.web;

/** One rejected input of a request, as the {@code errors} array of a problem lists it. */
record RejectedField(String field, String reason) {}
