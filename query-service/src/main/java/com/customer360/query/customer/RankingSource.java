package com.customer360.query.customer;

import com.customer360.query.order.OrderStanding;
import java.util.List;

/** The first of a customer's stored orders in a ranking's order, read through an index, to refill that ranking. */
public interface RankingSource {

    List<OrderStanding> first(String customerId, RankedOrders.Kind kind, int limit);
}
