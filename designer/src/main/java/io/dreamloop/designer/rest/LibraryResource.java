package io.dreamloop.designer.rest;

import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.designer.mapping.LibraryFileFormat;
import io.dreamloop.designer.mapping.LibraryFiles;
import io.dreamloop.designer.persistence.DesignedLibraryEntity;
import io.dreamloop.designer.persistence.DesignedMemberEntity;
import io.dreamloop.designer.persistence.LibraryRepository;
import io.dreamloop.designer.service.DesignService;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Request libraries and read them back. */
@Path("/libraries")
public class LibraryResource {
    private final DesignService designs;
    private final LibraryRepository libraries;

    @Inject
    public LibraryResource(final DesignService designs, final LibraryRepository libraries) {
        this.designs = designs;
        this.libraries = libraries;
    }

    /** Accepts a design request: 202 with the library's URL, or 400 saying what is wrong. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = {
                                                @ExampleObject(
                                                        name = "random",
                                                        summary = "1,000 random sequences",
                                                        value =
                                                                "{\"quotas\": {\"random\": 1000}, \"seed\": 42}"),
                                                @ExampleObject(
                                                        name = "test-library",
                                                        summary =
                                                                "A test library: random, GA high/low, SNV pairs and motif sets, with synthesis constraints",
                                                        value =
                                                                "{\"libraryId\": \"lib-test-1\", \"quotas\": {\"random\": 40, \"high\": 20, \"low\": 20, \"snv\": 10, \"motif-perturbation\": 10, \"motif-tiling\": 20}, \"seed\": 7, \"options\": {\"gaPreset\": \"test\"}, \"constraints\": {\"minGc\": 0.3, \"maxGc\": 0.7, \"maxHomopolymer\": 8, \"minHammingDistance\": 0, \"forbiddenSites\": [\"GGTCTC\"]}}")
                                            }))
                    final DesignRequestBody body) {
        if (body == null) {
            throw new IllegalArgumentException("request body is required");
        }
        final DesignRequested request = body.toEvent();
        designs.submit(request);
        return Response.accepted(
                        Map.of(
                                "libraryId", request.libraryId(),
                                "requestEventId", request.header().eventId().toString(),
                                "sequences", request.totalSequences()))
                .location(URI.create("/libraries/" + request.libraryId()))
                .build();
    }

    @GET
    @Path("/{libraryId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public LibraryView get(@PathParam("libraryId") final String libraryId) {
        final DesignedLibraryEntity library = find(libraryId);
        return LibraryView.of(library, libraries.countsBySubset(libraryId));
    }

    /** The library as a table (TSV, the default) or FASTA of full oligos. */
    @GET
    @Path("/{libraryId}/members")
    @Produces({"text/tab-separated-values", "text/x-fasta"})
    @Transactional
    public Response members(
            @PathParam("libraryId") final String libraryId,
            @QueryParam("format") @DefaultValue("tsv") final String format) {
        final DesignedLibraryEntity library = find(libraryId);
        final List<DesignedMemberEntity> members = libraries.members(libraryId);
        final LibraryFileFormat file = LibraryFileFormat.named(format);
        return Response.ok(LibraryFiles.write(file, library, members))
                .type(file.mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"%s.%s\"".formatted(libraryId, file.wireName()))
                .build();
    }

    private DesignedLibraryEntity find(final String libraryId) {
        return libraries
                .find(libraryId)
                .orElseThrow(
                        () -> new NotFoundException("unknown library '%s'".formatted(libraryId)));
    }
}
