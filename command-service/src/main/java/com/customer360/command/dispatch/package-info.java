/** Sends commands to the aggregates with the caller's request metadata, and retries lost races. */
package com.customer360.command.dispatch;
