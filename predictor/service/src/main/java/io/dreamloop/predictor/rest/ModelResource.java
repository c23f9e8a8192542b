package io.dreamloop.predictor.rest;

import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.persistence.ModelRegistry;
import io.dreamloop.predictor.scoring.ModelImports;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The model registry. */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
    private final ModelRegistry registry;
    private final ModelImports imports;

    @Inject
    public ModelResource(final ModelRegistry registry, final ModelImports imports) {
        this.registry = registry;
        this.imports = imports;
    }

    @GET
    @Transactional
    public List<ModelView> all() {
        return registry.all().stream().map(ModelView::of).toList();
    }

    /** How long an import waits for this instance to register (and serve) the new version. */
    private static final Duration REGISTRATION = Duration.ofSeconds(60);

    /**
     * Imports a TorchScript module ({@code application/octet-stream} body): stores and publishes
     * it, then answers 201 once this instance has registered it (and, for a champion, serves it),
     * or 202 with {@code registered: false} when that takes over a minute; other instances swap as
     * they consume the event.
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response importTorchScript(
            final InputStream body,
            @QueryParam("version") final String version,
            @QueryParam("architecture") @DefaultValue("dream-cnn") final String architecture,
            @QueryParam("champion") @DefaultValue("true") final boolean champion) {
        if (version == null) {
            throw new IllegalArgumentException("query parameter 'version' is required");
        }
        final ModelManifest m = imports.importTorchScript(body, version, architecture, champion);
        final boolean registered = imports.awaitRegistered(version, champion, REGISTRATION);
        return Response.status(registered ? Response.Status.CREATED : Response.Status.ACCEPTED)
                .entity(
                        Map.of(
                                "modelVersion", m.modelVersion(),
                                "architecture", m.architecture(),
                                "sha256", m.sha256(),
                                "champion", champion,
                                "registered", registered))
                .build();
    }

    @GET
    @Path("/champion")
    @Transactional
    public ModelView champion() {
        return registry.champion()
                .map(ModelView::of)
                .orElseThrow(
                        () -> new NotFoundException("no champion model has been published yet"));
    }
}
