package io.dreamloop.predictor.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelInputsTest {
    private static final Flanks DREAM = Flanks.DREAM_2022;
    private static final String INSERT = "ACGTTGCA".repeat(10); // an 80-bp variable region
    private static final String OLIGO = DREAM.wrap(DnaSequence.of(INSERT)).bases();
    private static final List<GameTask> TASKS =
            List.of(new GameTask("t", "expression", "yeast", "x", Optional.empty()));

    private static GameRequest request(
            final Map<String, String> sequences,
            final String upstream,
            final String downstream,
            final Map<String, PredictionRange> ranges) {
        return new GameRequest(
                Readout.POINT, TASKS, new LinkedHashMap<>(sequences), upstream, downstream, ranges);
    }

    private static List<String> bases(final GameRequest request) {
        return ModelInputs.of(request).stream().map(DnaSequence::bases).toList();
    }

    private static List<String> failures(final GameRequest request) {
        final GameException e =
                catchThrowableOfType(GameException.class, () -> ModelInputs.of(request));
        assertThat(e.error()).isEqualTo(GameError.PREDICTION_REQUEST_FAILED);
        return e.messages();
    }

    @Test
    void anOligoIsReadAsItIsAndAnInsertIsPlacedBetweenTheAdapters() {
        final Map<String, String> seqs = new LinkedHashMap<>();
        seqs.put("oligo", OLIGO);
        seqs.put("insert", INSERT.toLowerCase(java.util.Locale.ROOT));
        assertThat(bases(request(seqs, "", "", Map.of()))).containsExactly(OLIGO, OLIGO);
    }

    @Test
    void flanksAreAddedBeforeAnythingElseSoTheyAreScoredNotDropped() {
        final String up = DREAM.upstream().bases();
        final String down = DREAM.downstream().bases();
        assertThat(bases(request(Map.of("s", INSERT), up, down, Map.of()))).containsExactly(OLIGO);
        assertThat(bases(request(Map.of("s", INSERT), "GATCA", "GATCA", Map.of())))
                .containsExactly(DREAM.wrap(DnaSequence.of("GATCA" + INSERT + "GATCA")).bases());
    }

    @Test
    void aRangeIsCutFromTheFlankedSequenceAndScoredInTheModelsContext() {
        assertThat(
                        bases(
                                request(
                                        Map.of("s", OLIGO),
                                        "",
                                        "",
                                        Map.of("s", new PredictionRange(17, 96)))))
                .containsExactly(OLIGO);
        assertThat(
                        bases(
                                request(
                                        Map.of("s", INSERT),
                                        "",
                                        "",
                                        Map.of("s", new PredictionRange(0, 40)))))
                .containsExactly(DREAM.wrap(DnaSequence.of(INSERT.substring(0, 41))).bases());
        assertThat(
                        bases(
                                request(
                                        Map.of("s", INSERT),
                                        "GGGGG",
                                        "",
                                        Map.of("s", new PredictionRange(3, 9)))))
                .containsExactly(DREAM.wrap(DnaSequence.of("GG" + INSERT.substring(0, 5))).bases());
    }

    @Test
    void aLongSequenceIsRefusedUnlessItsRangeFits() {
        final String kb = "ACGT".repeat(250);
        assertThat(failures(request(Map.of("long", kb), "", "", Map.of())))
                .containsExactly(
                        "sequence 'long' is 1000 bases with its flanks and range; the DREAM model"
                                + " reads at most 137 between its adapters, or a whole oligo of 167"
                                + " with both adapters: send a prediction range");
        assertThat(
                        bases(
                                request(
                                        Map.of("long", kb),
                                        "",
                                        "",
                                        Map.of("long", new PredictionRange(100, 236)))))
                .singleElement()
                .asString()
                .hasSize(137 + 30);
    }

    @Test
    void everySequenceTheModelCannotTakeIsNamedBeforeAnyIsScored() {
        final Map<String, String> seqs = new LinkedHashMap<>();
        seqs.put("empty", "");
        seqs.put("bad", "ACGZT");
        seqs.put("short", "ACGT");
        seqs.put("fine", OLIGO);
        assertThat(failures(request(seqs, "AXA", "", Map.of("short", new PredictionRange(2, 7)))))
                .containsExactly(
                        "'upstream_seq' has an invalid base 'X' at index 1 (allowed: A, C, G, T, N)",
                        "sequence 'empty' is empty",
                        "sequence 'bad' has an invalid base 'Z' at index 3 of 5 (allowed: A, C, G, T, N)",
                        "prediction range [2, 7] of 'short' is out of bounds: with its flanks the"
                                + " sequence has 7 bases (indices 0..6)");
    }
}
