package io.dreamloop.predictor.rest;

import io.dreamloop.platform.rest.ApiError;
import io.dreamloop.predictor.scoring.UnknownModelException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps predictor-specific exceptions to {@link ApiError} bodies. */
public class PredictorErrors {

    @ServerExceptionMapper
    public RestResponse<ApiError> unknownModel(final UnknownModelException e) {
        return RestResponse.status(
                Response.Status.NOT_FOUND, new ApiError("unknown_model", e.getMessage()));
    }
}
