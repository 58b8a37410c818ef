/** Exact money: amounts as {@link java.math.BigDecimal} with the currency's own number of minor digits. */
package com.customer360.query.money;
