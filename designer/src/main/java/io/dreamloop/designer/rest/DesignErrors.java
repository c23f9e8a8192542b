package io.dreamloop.designer.rest;

import io.dreamloop.designer.service.LibraryIdTakenException;
import io.dreamloop.platform.rest.ApiError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The designer's domain exceptions as HTTP answers. */
public class DesignErrors {

    /** A library id already used: 409, so that a client does not take the old library for new. */
    @ServerExceptionMapper
    public RestResponse<ApiError> taken(final LibraryIdTakenException e) {
        return RestResponse.status(
                Response.Status.CONFLICT, new ApiError("conflict", e.getMessage()));
    }
}
