package io.dreamloop.labingest.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The quality report of a sort-seq run: what arrived, how well it covers the library, how reads
 * spread over bins and members, what was estimated and what was flagged.
 *
 * @param runId the run
 * @param libraryId the library sorted
 * @param state {@code receiving} (chunks missing), {@code estimated} or {@code failed}
 * @param failure why estimating the run failed, or null; a failed run keeps its counts and may be
 *     uploaded again under its id
 * @param receivedAt when the first chunk arrived
 * @param chunksReceived chunks stored
 * @param chunksExpected chunks the run has
 * @param librarySize members of the library
 * @param membersCounted members with a row of counts
 * @param membersWithoutReads counted members without a read in any bin, which get no estimate
 * @param membersPassingQc members with at least {@code minReads} sorted reads
 * @param coverage membersPassingQc / librarySize
 * @param minReads the QC threshold on sorted reads
 * @param bins per bin: gate, cells, reads and members seen
 * @param emptyBins names of bins without a single read
 * @param unsortedReads reads of the unsorted library
 * @param unmatched uploaded rows whose sequence is in no member
 * @param sortedReadsPerMember distribution of sorted reads per counted member
 * @param methods per estimation method: how many estimates and their distribution
 * @param flags members per QC flag (over all methods)
 * @param flagged the first flagged measurements
 * @param negativeControls the run's negative controls
 * @param warnings run-level problems, e.g. negative controls that were not counted
 */
public record RunReport(
        String runId,
        String libraryId,
        String state,
        String failure,
        Instant receivedAt,
        long chunksReceived,
        int chunksExpected,
        long librarySize,
        long membersCounted,
        long membersWithoutReads,
        long membersPassingQc,
        double coverage,
        long minReads,
        List<BinReport> bins,
        List<String> emptyBins,
        long unsortedReads,
        Unmatched unmatched,
        Distribution sortedReadsPerMember,
        Map<String, MethodSummary> methods,
        Map<String, Long> flags,
        List<Flagged> flagged,
        List<String> negativeControls,
        List<String> warnings) {

    /** Flagged measurements listed at most. */
    public static final int MAX_FLAGGED = 200;

    /**
     * One bin.
     *
     * @param name the bin
     * @param startQuantile lower gate, population quantile
     * @param endQuantile upper gate
     * @param cells cells sorted into it
     * @param reads reads over all members
     * @param membersWithReads members with at least one read in it
     */
    public record BinReport(
            String name,
            double startQuantile,
            double endQuantile,
            long cells,
            long reads,
            long membersWithReads) {}

    /**
     * Uploaded rows that matched no member.
     *
     * @param rows how many
     * @param reads their reads
     * @param examples the first few, as {@code line N: sequence}
     */
    public record Unmatched(long rows, long reads, List<String> examples) {}

    /**
     * Summary of a distribution.
     *
     * @param count values
     * @param mean their mean
     * @param min smallest
     * @param p10 10th percentile
     * @param median median
     * @param p90 90th percentile
     * @param max largest
     * @param histogramEdges edges of 20 equal-width bins from min to max
     * @param histogramCounts values per bin
     */
    public record Distribution(
            long count,
            double mean,
            double min,
            double p10,
            double median,
            double p90,
            double max,
            List<Double> histogramEdges,
            List<Long> histogramCounts) {}

    /**
     * Estimates of one method.
     *
     * @param estimates members estimated
     * @param singletons estimates resting on one cell
     * @param expression distribution of the estimates
     */
    public record MethodSummary(long estimates, long singletons, Distribution expression) {}

    /**
     * One flagged measurement.
     *
     * @param memberId the member
     * @param method the method
     * @param flags its QC flags
     */
    public record Flagged(String memberId, String method, List<String> flags) {}
}
