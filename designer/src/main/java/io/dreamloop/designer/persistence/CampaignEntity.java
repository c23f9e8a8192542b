package io.dreamloop.designer.persistence;

import io.dreamloop.contracts.sequence.Subset;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A campaign and how far it has come; its state survives restarts. */
@Entity
@Table(name = "campaign")
public class CampaignEntity {
    /** Where a campaign is. */
    public enum Status {
        /** Designing, measuring or training one of its cycles. */
        RUNNING,
        /** The last cycle's models are published. */
        FINISHED,
        /** A cycle's library could not be designed; the reason is kept. */
        FAILED,
        /** Cancelled by a user; the reason is kept. Work already in flight ends, none follows. */
        CANCELLED
    }

    @Id
    @Column(name = "campaign_id")
    private String campaignId;

    @Column(name = "goal", nullable = false)
    private String goal;

    @Column(name = "strategy", nullable = false)
    private String strategy;

    @Column(name = "cycles", nullable = false)
    private int cycles;

    @Column(name = "budget", nullable = false)
    private int budget;

    @Column(name = "candidates", nullable = false)
    private int candidates;

    @Column(name = "min_hamming", nullable = false)
    private int minHamming;

    @Column(name = "seed", nullable = false)
    private long seed;

    @Column(name = "variable_length", nullable = false)
    private int variableLength;

    @Column(name = "test_per_subset", nullable = false)
    private int testPerSubset;

    @Column(name = "test_subsets", nullable = false)
    private String testSubsets;

    @Column(name = "test_ga_preset", nullable = false)
    private String testGaPreset;

    @Column(name = "test_challenger")
    private String testChallenger;

    @Column(name = "test_native_promoters")
    private String testNativePromoters;

    @Column(name = "objective", nullable = false)
    private String objective;

    @Column(name = "kappa", nullable = false)
    private double kappa;

    @Column(name = "ga_preset", nullable = false)
    private String gaPreset;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "current_cycle", nullable = false)
    private int currentCycle;

    @Column(name = "failure")
    private String failure;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CampaignEntity() {}

    /**
     * What a campaign's test library holds.
     *
     * @param perSubset members (pairs) per subset; 0 when the campaign has none
     * @param subsets its subsets
     * @param gaPreset the GA preset of its model-guided subsets
     * @param challenger the model set against the champion in its challenging subset, or null
     * @param nativePromoters the promoters (FASTA) its native subset is cut from, or null
     */
    public record TestLibrary(
            int perSubset,
            List<Subset> subsets,
            String gaPreset,
            String challenger,
            String nativePromoters) {
        public TestLibrary {
            subsets = List.copyOf(subsets);
        }

        /** A test library without challenging and native subsets. */
        public TestLibrary(final int perSubset, final List<Subset> subsets, final String gaPreset) {
            this(perSubset, subsets, gaPreset, null, null);
        }

        /** True when the campaign has a test library. */
        public boolean present() {
            return perSubset > 0;
        }
    }

    /**
     * How a campaign's cycles after the first are made.
     *
     * @param objective {@code model}, {@code maximize} or {@code minimize}
     * @param kappa the ensemble sd's weight in a design's confidence bound
     * @param gaPreset the GA preset of the designs
     */
    public record Design(String objective, double kappa, String gaPreset) {}

    /** A running campaign at cycle 0. */
    public CampaignEntity(
            final String campaignId,
            final String goal,
            final String strategy,
            final int cycles,
            final int budget,
            final int candidates,
            final int minHamming,
            final long seed,
            final int variableLength,
            final TestLibrary testLibrary,
            final Design design) {
        this.campaignId = campaignId;
        this.goal = goal;
        this.strategy = strategy;
        this.cycles = cycles;
        this.budget = budget;
        this.candidates = candidates;
        this.minHamming = minHamming;
        this.seed = seed;
        this.variableLength = variableLength;
        this.testPerSubset = testLibrary.perSubset();
        this.testSubsets =
                String.join(",", testLibrary.subsets().stream().map(Subset::wireName).toList());
        this.testGaPreset = testLibrary.gaPreset();
        this.testChallenger = testLibrary.challenger();
        this.testNativePromoters = testLibrary.nativePromoters();
        this.objective = design.objective();
        this.kappa = design.kappa();
        this.gaPreset = design.gaPreset();
        this.status = Status.RUNNING;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Moves to the next cycle. */
    public void advance() {
        currentCycle++;
        updatedAt = Instant.now();
    }

    /** The last cycle's models are in. */
    public void finish() {
        status = Status.FINISHED;
        updatedAt = Instant.now();
    }

    /** Stops with the reason. */
    public void fail(final String why) {
        status = Status.FAILED;
        failure = why;
        updatedAt = Instant.now();
    }

    /** Cancelled by a user, with the reason. */
    public void cancel(final String why) {
        status = Status.CANCELLED;
        failure = why;
        updatedAt = Instant.now();
    }

    public String campaignId() {
        return campaignId;
    }

    public String goal() {
        return goal;
    }

    public String strategy() {
        return strategy;
    }

    /** Acquisition cycles after the first, random, batch (cycle 0). */
    public int cycles() {
        return cycles;
    }

    /** Sequences measured per cycle. */
    public int budget() {
        return budget;
    }

    /** Random candidates scored per acquisition cycle. */
    public int candidates() {
        return candidates;
    }

    public int minHamming() {
        return minHamming;
    }

    public long seed() {
        return seed;
    }

    public int variableLength() {
        return variableLength;
    }

    public Status status() {
        return status;
    }

    public int currentCycle() {
        return currentCycle;
    }

    public String failure() {
        return failure;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** How the cycles after the first are made. */
    public Design design() {
        return new Design(objective, kappa, gaPreset);
    }

    /** The test library's settings. */
    public TestLibrary testLibrary() {
        return new TestLibrary(
                testPerSubset,
                testSubsets.isEmpty()
                        ? List.of()
                        : Arrays.stream(testSubsets.split(",")).map(Subset::fromWireName).toList(),
                testGaPreset,
                testChallenger,
                testNativePromoters);
    }

    /** The id of the campaign's test library (designed only when it has one). */
    public String testLibraryId() {
        return campaignId + "-test";
    }

    /** The library id of a cycle. */
    public String libraryId(final int cycle) {
        return campaignId + "-c" + cycle;
    }
}
