package io.dreamloop.trainer.rest;

import io.dreamloop.platform.rest.ApiError;
import io.dreamloop.trainer.service.MalformedFileException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A malformed DREAM file: 400 with one detail per malformed line, each naming its line. */
public class DatasetFileErrors {

    @ServerExceptionMapper
    public RestResponse<ApiError> badFile(final MalformedFileException e) {
        return RestResponse.status(
                Response.Status.BAD_REQUEST,
                new ApiError("bad_file", e.getMessage(), e.problems()));
    }
}
