package io.dreamloop.labingest.rest;

import io.dreamloop.labingest.ingest.CountTable;
import io.dreamloop.labingest.ingest.CountTableParser;
import io.dreamloop.labingest.ingest.GateTable;
import io.dreamloop.labingest.ingest.GateTableReader;
import io.dreamloop.labingest.mapping.MeasurementTsv;
import io.dreamloop.labingest.persistence.RunStore;
import io.dreamloop.labingest.persistence.StoredMeasurement;
import io.dreamloop.labingest.service.RunReport;
import io.dreamloop.labingest.service.RunReports;
import io.dreamloop.labingest.service.RunUpload;
import io.dreamloop.platform.security.UploadLimits;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Sort-seq runs over HTTP: upload the gate and count tables of a run, read its QC report and its
 * measurements.
 */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
    private final RunUpload upload;
    private final RunReports reports;
    private final RunStore runs;
    private final UploadLimits limits;

    @Inject
    public RunResource(
            final RunUpload upload,
            final RunReports reports,
            final RunStore runs,
            final UploadLimits limits) {
        this.upload = upload;
        this.reports = reports;
        this.runs = runs;
        this.limits = limits;
    }

    /**
     * Uploads a run: {@code gates} (bin, bounds, cells) and {@code counts} (member_id or sequence,
     * unsorted, one column per bin; optionally a control column) as files, plain or gzip; negative
     * controls as member ids in {@code negativeControls} (comma-separated), in a {@code controls}
     * file (one per line or comma-separated), or marked in the count table's control column, all
     * taken together; {@code log10Mean}/{@code log10Sd} of the unsorted population for fluorescence
     * gates. 201 for a new run (or one that replaces a failed run), 200 when the same run had been
     * uploaded before; 400 naming each bad row and column, 404 for an unknown library, 409 for a
     * different run under a used id, 413 for a file over {@code
     * dreamloop.security.upload.max-file-size}. Nothing is stored unless everything is accepted.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(
            @RestForm final String runId,
            @RestForm final String libraryId,
            @RestForm("gates") final FileUpload gates,
            @RestForm("counts") final FileUpload counts,
            @RestForm final String negativeControls,
            @RestForm("controls") final FileUpload controlsFile,
            @RestForm final Double log10Mean,
            @RestForm final Double log10Sd) {
        if (runId == null || libraryId == null || gates == null || counts == null) {
            throw new BadRequestException(
                    "a run upload needs the form fields runId and libraryId and the files gates and counts");
        }
        limits.check(gates, counts, controlsFile);
        final GateTable gateTable =
                GateTableReader.read(
                        limits.text(gates),
                        log10Mean == null || log10Sd == null
                                ? null
                                : new GateTableReader.Population(log10Mean, log10Sd));
        final CountTable countTable =
                CountTableParser.parse(new StringReader(limits.text(counts)), gateTable.binNames());
        final Set<String> controls = new LinkedHashSet<>(ids(negativeControls));
        if (controlsFile != null) {
            controls.addAll(ids(limits.text(controlsFile)));
        }
        controls.addAll(countTable.controls());
        final RunUpload.Receipt receipt =
                upload.submit(
                        new RunUpload.Upload(
                                runId, libraryId, gateTable, countTable, List.copyOf(controls)));
        return (receipt.duplicate()
                        ? Response.ok(receipt)
                        : Response.created(URI.create("/runs/" + runId)).entity(receipt))
                .build();
    }

    /** Member ids separated by commas or line ends, blanks dropped. */
    private static List<String> ids(final String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,\\r\\n]+"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** The run's QC report. */
    @GET
    @Path("/{runId}")
    @Transactional
    public RunReport report(@PathParam("runId") final String runId) {
        return reports.report(runId)
                .orElseThrow(() -> new NotFoundException("unknown run '%s'".formatted(runId)));
    }

    /** The run's measurements, all methods or one, as JSON or as a TSV table. */
    @GET
    @Path("/{runId}/measurements")
    @Produces({MediaType.APPLICATION_JSON, MeasurementTsv.MEDIA_TYPE})
    @Transactional
    public Response measurements(
            @PathParam("runId") final String runId,
            @QueryParam("method") final String method,
            @QueryParam("format") final String format) {
        if (runs.run(runId).isEmpty()) {
            throw new NotFoundException("unknown run '%s'".formatted(runId));
        }
        final List<StoredMeasurement> rows = runs.measurements(runId, method);
        if ("tsv".equals(format)) {
            return Response.ok(MeasurementTsv.of(rows), MeasurementTsv.MEDIA_TYPE).build();
        }
        if (format != null && !"json".equals(format)) {
            throw new BadRequestException(
                    "format must be json or tsv, but was '%s'".formatted(format));
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON).build();
    }
}
