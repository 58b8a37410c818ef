package com.customer360.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Open without credentials (the login page, health). Declared as deliberately as any other rule, so that an endpoint
 * without one is a mistake the service refuses to start with.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@PreAuthorize("permitAll()")
public @interface OpenToAll {}
