package com.customer360.command.customer;

import com.customer360.command.customer.ChangeCustomerDetails.Change;
import com.customer360.events.Address;

/** How to reach a customer; compared as a whole to tell a retry from a different registration. */
record ContactDetails(String name, String email, String phone, Address defaultShippingAddress) {

    ContactDetails with(ChangeCustomerDetails change) {
        return new ContactDetails(
                pick(change.name(), name),
                pick(change.email(), email),
                pick(change.phone(), phone),
                pick(change.defaultShippingAddress(), defaultShippingAddress));
    }

    private static <T> T pick(Change<T> change, T current) {
        return change == null ? current : change.value();
    }
}
