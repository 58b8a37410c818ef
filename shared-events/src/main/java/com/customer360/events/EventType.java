package com.customer360.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable, language-neutral name and revision of an event. The name travels as the CloudEvents {@code type} and
 * never changes when the Java class is renamed or moved; the revision goes up with every breaking change to the
 * event's JSON, so that readers can upcast older documents.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The CloudEvents type, for example {@code order.placed}. */
    String name();

    /** The revision of the event's JSON shape, starting at 1. */
    int revision() default 1;
}
