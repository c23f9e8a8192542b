package io.dreamloop.labingest.rest;

import io.dreamloop.labingest.ingest.CountTableException;
import io.dreamloop.platform.rest.ApiError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A bad gate or count table: 400 with every problem, each naming its row and column. */
public class CountTableErrors {

    @ServerExceptionMapper
    public RestResponse<ApiError> badTable(final CountTableException e) {
        return RestResponse.status(
                Response.Status.BAD_REQUEST,
                new ApiError("bad_table", e.getMessage(), e.problems()));
    }
}
