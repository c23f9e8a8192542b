package io.dreamloop.trainer.rest;

import io.dreamloop.trainer.persistence.DatasetSlice;
import io.dreamloop.trainer.persistence.MeasurementStore;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What the trainer has to learn from. */
@Path("/dataset")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {
    private final MeasurementStore measurements;

    @Inject
    public DatasetResource(final MeasurementStore measurements) {
        this.measurements = measurements;
    }

    /** Measurements per scale and method. */
    @GET
    @Transactional
    public List<DatasetSlice> slices() {
        return measurements.slices();
    }
}
