package com.customer360.query.pages;

/** A page's address asks for something that cannot be shown, such as an unknown status; answered with a 400 page. */
final class PageParameterException extends RuntimeException {

    PageParameterException(String message) {
        super(message, null, false, false);
    }
}
