package io.dreamloop.contracts.event;

import java.util.List;
import java.util.Objects;

/**
 * One chunk of the expression values estimated from a sort-seq run.
 *
 * @param header the event header
 * @param runId the run measured
 * @param libraryId the library measured
 * @param method the estimation method's wire name, e.g. {@code maude} ({@link EstimationMethod}
 *     names the ones this system produces; the wire stays open to other labs' methods)
 * @param scale the scale of every value in this event
 * @param chunk this event's place among the run's chunks
 * @param measurements one value per member
 */
public record MeasurementsRecorded(
        EventHeader header,
        String runId,
        String libraryId,
        String method,
        ExpressionScale scale,
        Chunk chunk,
        List<Measurement> measurements)
        implements Event {

    public MeasurementsRecorded {
        EventTypes.check(header, MeasurementsRecorded.class);
        Ids.require(runId, "runId");
        Ids.require(libraryId, "libraryId");
        Ids.require(method, "method");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(chunk, "chunk");
        measurements = Lists.nonEmptyCopy(measurements, "measurements");
        Lists.requireUnique(measurements, Measurement::memberId, "measurements");
    }

    @Override
    public String key() {
        return runId;
    }
}
