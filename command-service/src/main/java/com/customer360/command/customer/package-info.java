/** Customers: registering them and changing their contact details, over HTTP and from the inbound topic. */
package com.customer360.command.customer;
