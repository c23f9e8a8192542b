package io.dreamloop.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Refuses an uploaded file larger than {@code dreamloop.security.upload.max-file-size} with 413
 * before anything reads it, so an oversize upload stores nothing, and reads uploaded text files,
 * plain or gzip-compressed, under the same limit. The whole request body is limited earlier by
 * {@code quarkus.http.limits.max-body-size}, which answers 413 without a body; this check names the
 * field and both sizes.
 */
@ApplicationScoped
public class UploadLimits {
    private final long maxFileBytes;

    @Inject
    public UploadLimits(final SecurityConfig config) {
        this.maxFileBytes = config.upload().maxFileSize().asLongValue();
    }

    /**
     * The text of an uploaded file, UTF-8, gunzipped when it is gzip-compressed ({@code .tsv.gz},
     * as sequencing pipelines write them; told by its first two bytes, not its name). The text
     * after decompression is held to the same limit as an uncompressed file.
     *
     * @throws WebApplicationException 400 when it is not UTF-8 text or not valid gzip, 413 when its
     *     text is over the limit
     */
    public String text(final FileUpload file) {
        try (InputStream raw = Files.newInputStream(file.uploadedFile());
                InputStream in = new BufferedInputStream(raw)) {
            in.mark(2);
            final boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            final byte[] bytes =
                    (gzip ? new GZIPInputStream(in) : in)
                            .readNBytes((int) Math.min(maxFileBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxFileBytes) {
                throw new WebApplicationException(
                        ("file '%s' (%s) holds more than the %d bytes of text one uploaded file may"
                                        + " carry once decompressed"
                                        + " (dreamloop.security.upload.max-file-size); nothing was stored")
                                .formatted(file.name(), file.fileName(), maxFileBytes),
                        Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (final CharacterCodingException e) {
            throw new WebApplicationException(
                    "file '%s' (%s) is not UTF-8 text".formatted(file.name(), file.fileName()),
                    Response.Status.BAD_REQUEST);
        } catch (final ZipException | EOFException e) {
            throw new WebApplicationException(
                    "file '%s' (%s) starts like gzip but is not valid gzip: %s"
                            .formatted(file.name(), file.fileName(), e.getMessage()),
                    Response.Status.BAD_REQUEST);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + file.name(), e);
        }
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
