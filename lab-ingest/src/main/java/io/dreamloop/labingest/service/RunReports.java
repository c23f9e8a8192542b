package io.dreamloop.labingest.service;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.labingest.config.LabIngestConfig;
import io.dreamloop.labingest.persistence.RunStore;
import io.dreamloop.labingest.persistence.SortSeqRunEntity;
import io.dreamloop.labingest.persistence.StoredMeasurement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the QC report of a run from what is stored; call inside a transaction. */
@ApplicationScoped
public class RunReports {
    private static final int HISTOGRAM_BINS = 20;
    private static final int UNMATCHED_EXAMPLES = 20;

    private final RunStore runs;
    private final LabIngestConfig config;

    @Inject
    public RunReports(final RunStore runs, final LabIngestConfig config) {
        this.runs = runs;
        this.config = config;
    }

    /** The report, or empty for an unknown run. */
    public Optional<RunReport> report(final String runId) {
        return runs.run(runId).map(this::report);
    }

    private RunReport report(final SortSeqRunEntity run) {
        final List<BinGate> gates = runs.gates(run);
        final List<SequenceCounts> counts = runs.counts(run.runId());
        final Tally tally = tally(gates.size(), counts);
        final long withoutReads = tally.withoutReads();
        final long passing = tally.passing();
        final List<RunReport.BinReport> bins = bins(gates, runs.cellsPerBin(run), tally);
        final List<String> empty =
                bins.stream().filter(b -> b.reads() == 0).map(RunReport.BinReport::name).toList();
        final long librarySize = runs.librarySize(run.libraryId());
        final List<StoredMeasurement> measurements = runs.measurements(run.runId(), null);
        final List<String> controls = List.copyOf(RunIngest.controls(run));
        final List<String> warnings = warnings(run, controls, counts, empty, withoutReads);
        return new RunReport(
                run.runId(),
                run.libraryId(),
                run.isFailed() ? "failed" : run.isEstimated() ? "estimated" : "receiving",
                run.failure(),
                run.receivedAt(),
                runs.chunksReceived(run.runId()),
                run.chunkCount(),
                librarySize,
                counts.size(),
                withoutReads,
                passing,
                librarySize == 0 ? 0 : (double) passing / librarySize,
                config.qc().minReads(),
                bins,
                empty,
                tally.unsorted(),
                unmatched(run.runId()),
                distribution(tally.sorted()),
                methods(measurements),
                flags(measurements),
                flagged(measurements),
                controls.stream().sorted().toList(),
                warnings);
    }

    /** Reads per bin and per member, summed over a run's counts. */
    private record Tally(
            long[] binReads,
            long[] binMembers,
            double[] sorted,
            long unsorted,
            long passing,
            long withoutReads) {}

    private Tally tally(final int binCount, final List<SequenceCounts> counts) {
        final long[] binReads = new long[binCount];
        final long[] binMembers = new long[binCount];
        final double[] sorted = new double[counts.size()];
        long unsorted = 0;
        long passing = 0;
        long withoutReads = 0;
        for (int i = 0; i < counts.size(); i++) {
            final SequenceCounts c = counts.get(i);
            long reads = 0;
            for (int b = 0; b < binCount; b++) {
                final long r = c.binReads().get(b);
                binReads[b] += r;
                binMembers[b] += r > 0 ? 1 : 0;
                reads += r;
            }
            sorted[i] = reads;
            unsorted += c.unsortedReads();
            passing += reads >= config.qc().minReads() ? 1 : 0;
            withoutReads += reads == 0 ? 1 : 0;
        }
        return new Tally(binReads, binMembers, sorted, unsorted, passing, withoutReads);
    }

    private static List<RunReport.BinReport> bins(
            final List<BinGate> gates, final List<Long> cells, final Tally tally) {
        final List<RunReport.BinReport> bins = new ArrayList<>();
        for (int b = 0; b < gates.size(); b++) {
            final BinGate g = gates.get(b);
            bins.add(
                    new RunReport.BinReport(
                            g.name(),
                            g.startQuantile(),
                            g.endQuantile(),
                            cells.get(b),
                            tally.binReads()[b],
                            tally.binMembers()[b]));
        }
        return bins;
    }

    private static List<String> warnings(
            final SortSeqRunEntity run,
            final List<String> controls,
            final List<SequenceCounts> counts,
            final List<String> empty,
            final long withoutReads) {
        final List<String> warnings = new ArrayList<>();
        final List<String> counted = counts.stream().map(SequenceCounts::memberId).toList();
        final List<String> missing = controls.stream().filter(c -> !counted.contains(c)).toList();
        if (!missing.isEmpty() && run.isEstimated()) {
            warnings.add(
                    "negative controls %s were not counted: MAUDE's Z and log-likelihood ratio are absent"
                            .formatted(missing));
        }
        if (!empty.isEmpty()) {
            warnings.add("bins without reads: " + empty);
        }
        if (withoutReads > 0) {
            warnings.add(
                    "%,d counted members have no read in any bin: they have no estimate"
                            .formatted(withoutReads));
        }
        return warnings;
    }

    private RunReport.Unmatched unmatched(final String runId) {
        final List<Object[]> rows = runs.unmatched(runId);
        long reads = 0;
        final List<String> examples = new ArrayList<>();
        for (final Object[] r : rows) {
            reads += ((Number) r[2]).longValue();
            if (examples.size() < UNMATCHED_EXAMPLES) {
                examples.add("line %s: %s".formatted(r[0], r[1]));
            }
        }
        return new RunReport.Unmatched(rows.size(), reads, examples);
    }

    private static Map<String, RunReport.MethodSummary> methods(
            final List<StoredMeasurement> measurements) {
        final Map<String, List<StoredMeasurement>> byMethod = new TreeMap<>();
        measurements.forEach(
                m -> byMethod.computeIfAbsent(m.method(), k -> new ArrayList<>()).add(m));
        final Map<String, RunReport.MethodSummary> out = new TreeMap<>();
        byMethod.forEach(
                (method, list) ->
                        out.put(
                                method,
                                new RunReport.MethodSummary(
                                        list.size(),
                                        list.stream().filter(StoredMeasurement::singleton).count(),
                                        distribution(
                                                list.stream()
                                                        .mapToDouble(StoredMeasurement::expression)
                                                        .toArray()))));
        return out;
    }

    private static Map<String, Long> flags(final List<StoredMeasurement> measurements) {
        final Map<String, Long> out = new TreeMap<>();
        for (final StoredMeasurement m : measurements) {
            m.qcFlags().forEach(f -> out.merge(m.method() + ":" + f, 1L, Long::sum));
        }
        return out;
    }

    private static List<RunReport.Flagged> flagged(final List<StoredMeasurement> measurements) {
        return measurements.stream()
                .filter(m -> !m.qcFlags().isEmpty())
                .limit(RunReport.MAX_FLAGGED)
                .map(m -> new RunReport.Flagged(m.memberId(), m.method(), m.qcFlags()))
                .toList();
    }

    /** Summary and a 20-bin histogram; all zeros for no values. */
    static RunReport.Distribution distribution(final double[] values) {
        if (values.length == 0) {
            return new RunReport.Distribution(0, 0, 0, 0, 0, 0, 0, List.of(), List.of());
        }
        final double[] v = values.clone();
        Arrays.sort(v);
        final double min = v[0];
        final double max = v[v.length - 1];
        final double width = (max - min) / HISTOGRAM_BINS;
        final List<Double> edges = new ArrayList<>();
        final long[] counts = new long[HISTOGRAM_BINS];
        for (int b = 0; b <= HISTOGRAM_BINS; b++) {
            edges.add(min + b * width);
        }
        for (final double x : v) {
            final int b = width == 0 ? 0 : (int) Math.min(HISTOGRAM_BINS - 1, (x - min) / width);
            counts[b]++;
        }
        return new RunReport.Distribution(
                v.length,
                Arrays.stream(v).average().orElse(0),
                min,
                percentile(v, 0.1),
                percentile(v, 0.5),
                percentile(v, 0.9),
                max,
                edges,
                Arrays.stream(counts).boxed().toList());
    }

    private static double percentile(final double[] sorted, final double p) {
        final double rank = p * (sorted.length - 1);
        final int lo = (int) Math.floor(rank);
        final int hi = (int) Math.ceil(rank);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
