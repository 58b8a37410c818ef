/** Events in the history of one order. Every one names the order's customer too. */
package com.customer360.events.order;
