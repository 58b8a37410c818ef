/**
 * The order detail read model behind the order details view and download: lines, totals, refunds, the shipment
 * updates in order of arrival, and every moment of the order's life.
 */
package com.customer360.query.order;
