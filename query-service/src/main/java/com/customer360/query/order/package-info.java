/**
 * The order detail read model behind the order details view, the download and the order history: lines, totals, the
 * newest refunds and shipment updates with their counts, every moment of the order's life, and the fields the
 * history's indexes need.
 */
package com.customer360.query.order;
