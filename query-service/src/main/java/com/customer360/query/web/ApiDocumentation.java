package com.customer360.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the query API ({@code /v3/api-docs}, interactive at {@code /swagger-ui.html}). Every
 * operation lists the problems it can answer with, as {@code application/problem+json}: 400 for a parameter it
 * rejects (with the field and reason), 404 for an id in the path that names nothing, 503 while the store cannot be
 * reached, 500 for anything unexpected.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Customer 360 query API")
                        .version("1")
                        .description("The customer list, customer details and figures, order history, order details "
                                + "and downloads, the customer timeline, live updates, and the operators' dead "
                                + "letters. Money is a decimal string with the currency's digits next to an ISO 4217 "
                                + "currency; times are RFC 3339 in UTC."));
    }

    @Bean
    OpenApiCustomizer problemsOfEveryOperation() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> describe(path, operation)));
        };
    }

    private static void describe(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (hasParameters(operation)) {
            responses.addApiResponse("400", problem("A parameter is invalid; `errors` names each field and why."));
        }
        if (path.contains("{")) {
            responses.addApiResponse("404", problem("Nothing is known under an id in the path."));
        }
        responses.addApiResponse("503", problem("The read models cannot be reached right now; try again."));
        responses.addApiResponse("500", problem("The request could not be answered."));
    }

    private static boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema field = new Schema<>()
                .type("object")
                .addProperty("field", new Schema<>().type("string"))
                .addProperty("reason", new Schema<>().type("string"));
        return new Schema<>()
                .type("object")
                .description("RFC 9457 problem details")
                .addProperty("type", new Schema<>().type("string").format("uri"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string"))
                .addProperty("instance", new Schema<>().type("string"))
                .addProperty("errors", new Schema<>().type("array").items(field))
                .required(List.of("type", "title", "status"));
    }
}
