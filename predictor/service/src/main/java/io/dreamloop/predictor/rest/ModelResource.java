package io.dreamloop.predictor.rest;

import io.dreamloop.predictor.persistence.ModelRegistry;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The model registry. */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
    private final ModelRegistry registry;

    @Inject
    public ModelResource(final ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Transactional
    public List<ModelView> all() {
        return registry.all().stream().map(ModelView::of).toList();
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
