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

    /**
     * Imports a TorchScript module ({@code application/octet-stream} body); 202 once it is stored
     * and published, before every instance has swapped to it.
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
        return Response.accepted(
                        Map.of(
                                "modelVersion", m.modelVersion(),
                                "architecture", m.architecture(),
                                "sha256", m.sha256(),
                                "champion", champion))
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
