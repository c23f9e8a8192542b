package io.dreamloop.contracts;

import io.dreamloop.contracts.event.BinGate;
import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DeadLetter;
import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ExpressionScale;
import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.Measurement;
import io.dreamloop.contracts.event.MeasurementsRecorded;
import io.dreamloop.contracts.event.ModelPublished;
import io.dreamloop.contracts.event.ScoreError;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoreResult;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.event.SequenceCounts;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** One valid example of every event type, built from a seed. */
public final class SampleEvents {
    private SampleEvents() {}

    public static DnaSequence randomSequence(final Random random, final int length) {
        final char[] bases = new char[length];
        for (int i = 0; i < length; i++) {
            bases[i] = "ACGT".charAt(random.nextInt(4));
        }
        return DnaSequence.of(new String(bases));
    }

    public static List<Event> all(final long seed) {
        final Random random = new Random(seed);
        final Lineage lineage = new Lineage("campaign-1", 2, "lib-1", "run-1", "cnn-v3");
        final DnaSequence a = randomSequence(random, 80);
        final DnaSequence b = randomSequence(random, 80);
        final UUID correlation = new UUID(seed, 42);
        return List.of(
                new DesignRequested(
                        EventTypes.header(DesignRequested.class, lineage),
                        "lib-1",
                        List.of(new SubsetQuota(Subset.HIGH, 10), new SubsetQuota(Subset.SNV, 5)),
                        80,
                        Flanks.DREAM_2022,
                        new LibraryConstraints(0.3, 0.7, 6, 2, List.of(DnaSequence.of("GAATTC"))),
                        seed),
                new ScoreRequested(
                        EventTypes.header(ScoreRequested.class, lineage),
                        correlation,
                        "designer",
                        null,
                        Chunk.SINGLE,
                        List.of(new ScoreItem("s1", Flanks.DREAM_2022.wrap(a)))),
                new ScoresComputed(
                        EventTypes.header(ScoresComputed.class, lineage),
                        correlation,
                        "cnn-v3",
                        Chunk.SINGLE,
                        List.of(new ScoreResult("s1", 11.25)),
                        List.of(new ScoreError("s2", "too short to pad"))),
                new LibraryDesigned(
                        EventTypes.header(LibraryDesigned.class, lineage),
                        "lib-1",
                        3,
                        Flanks.DREAM_2022,
                        new DesignProvenance("random/1", seed, null, Map.of("gc", "0.3-0.7")),
                        Chunk.SINGLE,
                        List.of(
                                new LibraryMember("m1", Subset.RANDOM, null, a, "random", null),
                                new LibraryMember(
                                        "m2", Subset.SNV, "p1", b, "snv", Map.of("cnn-v3", 7.5)),
                                new LibraryMember(
                                        "m3",
                                        Subset.SNV,
                                        "p1",
                                        DnaSequence.of(
                                                (b.baseAt(0) == 'A' ? "C" : "A")
                                                        + b.bases().substring(1)),
                                        "snv",
                                        Map.of()))),
                new SortSeqRunSubmitted(
                        EventTypes.header(SortSeqRunSubmitted.class, lineage),
                        "run-1",
                        "lib-1",
                        List.of(new BinGate("low", 0.001, 0.5), new BinGate("high", 0.5, 0.999)),
                        List.of(50_000L, 50_000L),
                        Chunk.SINGLE,
                        List.of(new SequenceCounts("m1", 120, List.of(30L, 70L))),
                        List.of("m1")),
                new MeasurementsRecorded(
                        EventTypes.header(MeasurementsRecorded.class, lineage),
                        "run-1",
                        "lib-1",
                        "maude",
                        ExpressionScale.MAUDE_MEAN,
                        Chunk.SINGLE,
                        List.of(
                                new Measurement(
                                        "m1",
                                        Flanks.DREAM_2022.wrap(a),
                                        0.42,
                                        100,
                                        false,
                                        List.of()))),
                new ModelPublished(
                        EventTypes.header(ModelPublished.class, lineage),
                        "cnn-v4",
                        "dream-cnn",
                        "cnn-v3",
                        "0".repeat(64),
                        "file:///models/cnn-v4.dlm",
                        true,
                        Map.of("pearson.all", 0.81)),
                DeadLetter.of(
                        "lab-ingest",
                        "dreamloop.library-designed",
                        0,
                        17,
                        "lib-1",
                        "payload is not valid JSON",
                        "{oops"));
    }
}
