package io.dreamloop.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error response.
 *
 * @param error a stable code, e.g. {@code not_found}, {@code bad_request}
 * @param message what is wrong, for a person
 * @param details every problem when there are several (e.g. each bad row of an uploaded table),
 *     omitted when empty
 */
public record ApiError(
        String error,
        String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> details) {

    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** An error without details. */
    public ApiError(final String error, final String message) {
        this(error, message, List.of());
    }
}
