package io.dreamloop.platform.rest;

import io.dreamloop.platform.security.SecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Refuses an uploaded file larger than {@code dreamloop.security.upload.max-file-size} with 413
 * before anything reads it, so an oversize upload stores nothing. The whole request body is limited
 * earlier by {@code quarkus.http.limits.max-body-size}, which answers 413 without a body; this
 * check names the field and both sizes.
 */
@ApplicationScoped
public class UploadLimits {
    private final long maxFileBytes;

    @Inject
    public UploadLimits(final SecurityConfig config) {
        this.maxFileBytes = config.upload().maxFileSize().asLongValue();
    }

    /**
     * Checks each file (null ones are skipped: the endpoint reports missing fields itself).
     *
     * @throws WebApplicationException 413 naming the first file that is too large
     */
    public void check(final FileUpload... files) {
        for (final FileUpload file : files) {
            if (file != null && file.size() > maxFileBytes) {
                throw new WebApplicationException(
                        ("file '%s' (%s) is %d bytes, more than the %d bytes one uploaded file may"
                                        + " carry (dreamloop.security.upload.max-file-size);"
                                        + " nothing was stored")
                                .formatted(file.name(), file.fileName(), file.size(), maxFileBytes),
                        Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
