package io.dreamloop.platform.security;

import io.dreamloop.platform.rest.ApiError;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Authentication and authorization failures as the services' JSON errors: 401 {@code unauthorized}
 * (no or invalid credentials, with a {@code WWW-Authenticate} challenge) and 403 {@code forbidden}
 * (valid credentials without the role). Reached because authentication is not proactive and the
 * role check runs in the REST layer.
 */
public class SecurityErrors {
    private static final String CHALLENGE = "Bearer";

    @ServerExceptionMapper
    public RestResponse<ApiError> failed(final AuthenticationFailedException e) {
        // The reason (bad signature, expired, wrong issuer...) is for the operator, not the caller.
        Log.debugf(e, "authentication failed");
        return unauthorized(
                "the credentials are not valid (expired, wrong signature or unknown key)");
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> anonymous(final UnauthorizedException e) {
        return unauthorized(
                "authentication required: send Authorization: Bearer <token or API key> or X-API-Key: <key>");
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> forbidden(final ForbiddenException e) {
        return RestResponse.status(
                Response.Status.FORBIDDEN,
                new ApiError(
                        "forbidden",
                        "the caller's roles do not allow this request: reading needs '%s' or '%s', anything else '%s'"
                                .formatted(
                                        Role.READER.id(),
                                        Role.SUBMITTER.id(),
                                        Role.SUBMITTER.id())));
    }

    private static RestResponse<ApiError> unauthorized(final String message) {
        return RestResponse.ResponseBuilder.create(
                        Response.Status.UNAUTHORIZED, new ApiError("unauthorized", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }
}
