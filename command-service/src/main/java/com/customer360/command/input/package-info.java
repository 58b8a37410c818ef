/**
 * What callers send and how it is checked, shared by both doors (HTTP and the inbound topic) so that the same input
 * is accepted or refused the same way wherever it arrives.
 */
package com.customer360.command.input;
