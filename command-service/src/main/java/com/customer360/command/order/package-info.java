/**
 * Orders and their lifecycle — draft, place, ship, deliver, cancel, refund, return — with every rule of docs/domain-rules.md
 * enforced by the {@link com.customer360.command.order.Order} aggregate.
 */
package com.customer360.command.order;
