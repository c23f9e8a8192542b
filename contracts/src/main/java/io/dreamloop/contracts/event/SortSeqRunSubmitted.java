package io.dreamloop.contracts.event;

import java.util.List;
import java.util.Objects;

/**
 * One chunk of the read counts of a sort-seq run.
 *
 * @param header the event header
 * @param runId the run
 * @param libraryId the library that was sorted
 * @param gates the sorting gates, in bin order
 * @param cellsPerBin cells sorted into each bin, in gate order
 * @param chunk this event's place among the run's chunks
 * @param counts reads per member
 * @param negativeControls members that are negative controls (MAUDE's Z and log-likelihood ratio
 *     are relative to them); the same in every chunk of a run, absent or empty when the run has
 *     none
 */
public record SortSeqRunSubmitted(
        EventHeader header,
        String runId,
        String libraryId,
        List<BinGate> gates,
        List<Long> cellsPerBin,
        Chunk chunk,
        List<SequenceCounts> counts,
        @OptionalField List<String> negativeControls)
        implements Event {

    public SortSeqRunSubmitted {
        EventTypes.check(header, SortSeqRunSubmitted.class);
        Ids.require(runId, "runId");
        Ids.require(libraryId, "libraryId");
        gates = Lists.nonEmptyCopy(gates, "gates");
        cellsPerBin = Lists.nonEmptyCopy(cellsPerBin, "cellsPerBin");
        if (cellsPerBin.size() != gates.size()) {
            throw new IllegalArgumentException(
                    "cellsPerBin has %d values for %d gates"
                            .formatted(cellsPerBin.size(), gates.size()));
        }
        Objects.requireNonNull(chunk, "chunk");
        counts = Lists.nonEmptyCopy(counts, "counts");
        Lists.requireUnique(counts, SequenceCounts::memberId, "counts");
        negativeControls = negativeControls == null ? List.of() : List.copyOf(negativeControls);
        negativeControls.forEach(id -> Ids.require(id, "negative control"));
        for (int i = 0; i < counts.size(); i++) {
            final SequenceCounts c = counts.get(i);
            if (c.binReads().size() != gates.size()) {
                throw new IllegalArgumentException(
                        "counts[%d] (member '%s') has %d bins, but the run has %d gates"
                                .formatted(i, c.memberId(), c.binReads().size(), gates.size()));
            }
        }
    }

    @Override
    public String key() {
        return runId;
    }
}
