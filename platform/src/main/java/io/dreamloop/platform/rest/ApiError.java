package io.dreamloop.platform.rest;

/**
 * The body of every error response.
 *
 * @param error a stable code, e.g. {@code not_found}, {@code bad_request}
 * @param message what is wrong, for a person
 */
public record ApiError(String error, String message) {}
