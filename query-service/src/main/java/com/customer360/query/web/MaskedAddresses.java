package com.customer360.query.web;

import com.customer360.events.Address;
import com.customer360.security.ContactMasking;

/** An address as an analyst sees it: the city, region and country, the rest hidden (see {@link ContactMasking}). */
public final class MaskedAddresses {

    private MaskedAddresses() {}

    public static Address of(Address address, ContactMasking masking) {
        if (address == null || !masking.masks()) {
            return address;
        }
        return new Address(
                masking.addressPart(address.name()),
                masking.addressPart(address.line1()),
                masking.addressPart(address.line2()),
                address.city(),
                address.region(),
                masking.addressPart(address.postalCode()),
                address.country());
    }
}
