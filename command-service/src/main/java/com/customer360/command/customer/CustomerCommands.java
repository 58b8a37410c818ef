package com.customer360.command.customer;

import com.customer360.command.customer.ChangeCustomerDetails.Change;
import com.customer360.command.dispatch.CommandDispatcher;
import com.customer360.command.idempotency.RequestMetaData;
import com.customer360.command.input.AddressInput;
import com.customer360.command.input.InputCheck;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/** What callers may ask of customers, whichever door they come through. */
@Service
public class CustomerCommands {

    private final CommandDispatcher dispatcher;
    private final InputCheck check;
    private final Clock clock;

    CustomerCommands(CommandDispatcher dispatcher, InputCheck check, Clock clock) {
        this.dispatcher = dispatcher;
        this.check = check;
        this.clock = clock;
    }

    /** Registers a customer and returns its id; a retry with the same content is answered the same way. */
    public String register(RegisterCustomerRequest request, RequestMetaData metaData) {
        check.valid(request);
        String customerId = request.customerId() != null ? request.customerId() : metaData.newId("customer");
        dispatcher.send(
                new RegisterCustomer(
                        customerId,
                        request.name(),
                        request.email(),
                        request.phone(),
                        AddressInput.toAddress(request.defaultShippingAddress()),
                        clock.instant()),
                metaData);
        return customerId;
    }

    public void changeDetails(String customerId, CustomerDetailsPatch patch, RequestMetaData metaData) {
        check.id("customerId", customerId);
        check.valid(patch);
        dispatcher.send(
                new ChangeCustomerDetails(
                        customerId,
                        change(patch, "name", patch::name),
                        change(patch, "email", patch::email),
                        change(patch, "phone", patch::phone),
                        change(
                                patch,
                                "defaultShippingAddress",
                                () -> AddressInput.toAddress(patch.defaultShippingAddress())),
                        clock.instant()),
                metaData);
    }

    private static <T> Change<T> change(CustomerDetailsPatch patch, String field, Supplier<T> value) {
        return patch.changes(field) ? new Change<>(value.get()) : null;
    }
}
