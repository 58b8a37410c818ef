/** Events in the history of one customer. */
package com.customer360.events.customer;
