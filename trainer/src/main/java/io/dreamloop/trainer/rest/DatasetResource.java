package io.dreamloop.trainer.rest;

import io.dreamloop.trainer.persistence.DatasetSlice;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.service.DatasetFile;
import io.dreamloop.trainer.service.DatasetUpload;
import io.dreamloop.trainer.service.SequenceHistory;
import io.dreamloop.trainer.service.SequenceLineage;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What the trainer has to learn from. */
@Path("/dataset")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
    private final MeasurementStore measurements;
    private final DatasetUpload upload;
    private final SequenceLineage lineage;

    @Inject
    public DatasetResource(
            final MeasurementStore measurements,
            final DatasetUpload upload,
            final SequenceLineage lineage) {
        this.measurements = measurements;
        this.upload = upload;
        this.lineage = lineage;
    }

    /** Measurements per scale and method. */
    @GET
    @Transactional
    public List<DatasetSlice> slices() {
        return measurements.slices();
    }

    /**
     * Adds a DREAM-format file ({@code sequence<TAB>expression} per line) to the training data:
     * stored as measurements on bin-index by bin-weighted-mean, used by every later non-campaign
     * run; starts no run. 201 with {@code {fileId, name, rows, duplicate: false}}; the same content
     * again is 200 with {@code duplicate: true} and adds nothing. Every line is checked first: 400
     * with one detail per malformed line (the first 20) and nothing stored. See {@link
     * DatasetUpload}.
     *
     * @param name the file's name, recorded with it (default: the file id)
     * @param body the file, UTF-8
     */
    @POST
    @Path("/files")
    @Consumes({"text/tab-separated-values", MediaType.TEXT_PLAIN})
    public Response addFile(@QueryParam("name") final String name, final byte[] body) {
        final DatasetFile file = upload.add(name, body == null ? new byte[0] : body);
        return Response.status(file.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(file)
                .build();
    }

    /**
     * The lineage of one sequence: its measurements and the registered model versions whose data
     * included it, each with its role ({@code training} or {@code held-out}). The sequence is the
     * full measured oligo as stored, or a DREAM 2022 variable region measured in its oligo; with
     * {@code contains=true} every measured sequence that contains it, the first {@code limit}
     * (default 50) listed and the rest counted ({@code unlisted}). A sequence never measured gives
     * empty lists; invalid bases give 400.
     */
    @GET
    @Path("/sequences/{sequence}")
    @Transactional
    public SequenceHistory sequence(
            @PathParam("sequence") final String sequence,
            @QueryParam("contains") @DefaultValue("false") final boolean contains,
            @QueryParam("limit") @DefaultValue("50") final int limit) {
        return contains ? lineage.containing(sequence, limit) : lineage.of(sequence);
    }
}
