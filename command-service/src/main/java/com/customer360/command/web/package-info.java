/** The HTTP door: request ids, size limits, and turning every refusal into an RFC 9457 problem response. */
package com.customer360.command.web;
