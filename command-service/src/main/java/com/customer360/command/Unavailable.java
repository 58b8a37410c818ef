package com.customer360.command;

/**
 * A store or broker the service needs cannot be reached right now: nothing the caller sent is at fault, and the same
 * request a little later will do. The HTTP door answers 503, so that a caller retries rather than gives up.
 */
public final class Unavailable extends RuntimeException {

    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
