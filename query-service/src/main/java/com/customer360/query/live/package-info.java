/**
 * Live updates as server-sent events: a subscriber to one customer hears each time that customer's documents change,
 * a subscriber to the list hears which customers changed. Changes are found by polling the store for document
 * versions, so a subscriber hears of changes projected by any instance; idle subscribers hold a connection and no
 * thread (asynchronous requests), and a heartbeat keeps proxies from closing them.
 */
package com.customer360.query.live;
