/**
 * Who may do what, declared the same way in both services. The roles are part of the API ({@link
 * com.customer360.security.Roles}); each endpoint declares its rule next to itself with one of the rule annotations
 * ({@link com.customer360.security.ReadsCustomers}, {@link com.customer360.security.SendsCommands}, {@link
 * com.customer360.security.RunsViews}, {@link com.customer360.security.Administers}, {@link
 * com.customer360.security.OpenToAll}), and a service whose endpoint declares none refuses to start ({@link
 * com.customer360.security.EndpointRules}). Users come from a local users file on the embedded stack, from an identity
 * provider (JWT for the APIs, OIDC login for the pages) in production.
 */
package com.customer360.security;
