package io.dreamloop.labingest.rest;

import io.dreamloop.labingest.persistence.LibraryStatus;
import io.dreamloop.labingest.persistence.LibraryStore;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The libraries lab-ingest knows. */
@Path("/libraries")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {
    private final LibraryStore libraries;
    private final io.dreamloop.labingest.persistence.RunStore runs;

    @Inject
    public LibraryResource(
            final LibraryStore libraries, final io.dreamloop.labingest.persistence.RunStore runs) {
        this.libraries = libraries;
        this.runs = runs;
    }

    @GET
    @Transactional
    public List<String> list() {
        return libraries.libraryIds();
    }

    /** Measurements stored per method for a run. */
    @GET
    @Path("/runs/{runId}/measurements")
    @Transactional
    public Map<String, Long> measurements(@PathParam("runId") final String runId) {
        return runs.measurementCounts(runId);
    }

    @GET
    @Path("/{libraryId}")
    @Transactional
    public LibraryStatus status(@PathParam("libraryId") final String libraryId) {
        return libraries
                .status(libraryId)
                .orElseThrow(
                        () -> new NotFoundException("unknown library '%s'".formatted(libraryId)));
    }
}
