/**
 * The customer web pages: the customer list, a customer's details with their order history and timeline, and an
 * order's details. They are rendered on the server from the same read models the JSON API serves, called in-process;
 * htmx reloads the parts that change (a search, a page of orders, a live update), and one small script formats money
 * and times for the reader's locale.
 */
package com.customer360.query.pages;
