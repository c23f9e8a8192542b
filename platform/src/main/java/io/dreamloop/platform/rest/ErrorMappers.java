package io.dreamloop.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dreamloop.platform.error.ConflictException;
import io.dreamloop.platform.error.UnknownResourceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps exceptions to {@link ApiError} bodies with the right status: the services' domain errors
 * ({@code platform.error}) to 404 and 409, bad input to 400.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public RestResponse<ApiError> notFound(final NotFoundException e) {
        return RestResponse.status(
                Response.Status.NOT_FOUND, new ApiError("not_found", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> unknown(final UnknownResourceException e) {
        return RestResponse.status(
                Response.Status.NOT_FOUND, new ApiError("not_found", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> conflict(final ConflictException e) {
        return RestResponse.status(
                Response.Status.CONFLICT, new ApiError("conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> invalid(final IllegalArgumentException e) {
        return RestResponse.status(
                Response.Status.BAD_REQUEST, new ApiError("bad_request", e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> unreadable(final JsonProcessingException e) {
        return RestResponse.status(
                Response.Status.BAD_REQUEST,
                new ApiError(
                        "bad_request",
                        "request body is not valid JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> web(final WebApplicationException e) {
        final Response.StatusType status = e.getResponse().getStatusInfo();
        return RestResponse.status(
                status,
                new ApiError(
                        status.getReasonPhrase().toLowerCase().replace(' ', '_'), e.getMessage()));
    }
}
