package io.dreamloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.sequence.Subset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeEvaluatorTest {

    private static final double EPS = 1e-12;

    /**
     * Four sequences, reused by every subset so that "all" can be done by hand too.
     *
     * <pre>
     * id  measured  predicted
     * a   1         2
     * b   2         1
     * c   3         4
     * d   5         4
     * </pre>
     */
    static EvaluationSet handExample() {
        return EvaluationSet.builder()
                .measured("a", 1)
                .measured("b", 2)
                .measured("c", 3)
                .measured("d", 5)
                .member(Subset.HIGH, "a")
                .member(Subset.HIGH, "b")
                .member(Subset.HIGH, "c")
                .member(Subset.LOW, "a")
                .member(Subset.LOW, "b")
                .member(Subset.LOW, "d")
                .member(Subset.NATIVE, "a")
                .member(Subset.NATIVE, "c")
                .member(Subset.NATIVE, "d")
                .member(Subset.RANDOM, "b")
                .member(Subset.RANDOM, "c")
                .member(Subset.RANDOM, "d")
                .member(Subset.CHALLENGING, "a")
                .member(Subset.CHALLENGING, "b")
                .member(Subset.CHALLENGING, "c")
                .member(Subset.CHALLENGING, "d")
                .member(Subset.CHALLENGING, "a") // listed twice, counts once (np.unique)
                .pair(Subset.SNV, "b", "a")
                .pair(Subset.SNV, "c", "a")
                .pair(Subset.SNV, "d", "b")
                .pair(Subset.SNV, "b", "a") // listed twice, counts once (set of tuples)
                .pair(Subset.MOTIF_PERTURBATION, "a", "c")
                .pair(Subset.MOTIF_PERTURBATION, "d", "c")
                .pair(Subset.MOTIF_PERTURBATION, "b", "d")
                .pair(Subset.MOTIF_TILING, "c", "b")
                .pair(Subset.MOTIF_TILING, "d", "a")
                .pair(Subset.MOTIF_TILING, "a", "b")
                .build();
    }

    static Map<String, Double> handPredictions() {
        return Map.of("a", 2.0, "b", 1.0, "c", 4.0, "d", 4.0);
    }

    @Test
    void handCheckedExample() {
        final ChallengeScore score = ChallengeEvaluator.evaluate(handExample(), handPredictions());

        // all {a,b,c,d}: m = (1,2,3,5), mean 11/4, dm = (-7,-3,1,9)/4
        //                p = (2,1,4,4), mean 11/4, dp = (-3,-7,5,5)/4
        //   sxy = (21+21+5+45)/16 = 23/4, sxx = 140/16 = 35/4, syy = 108/16 = 27/4
        //   r = (23/4)/sqrt(35*27/16) = 23/sqrt(945), r^2 = 529/945 = 0.559788...
        //   ranks m (1,2,3,4), ranks p (2,1,3.5,3.5): dx = (-1.5,-.5,.5,1.5), dy = (-.5,-1.5,1,1)
        //   sxy = .75+.75+.5+1.5 = 3.5, sxx = 5, syy = 4.5, rho = 3.5/sqrt(22.5) = 7/sqrt(90)
        assertRow(score.all(), 4, 23 / Math.sqrt(945), 7 / Math.sqrt(90));

        // high {a,b,c}: m (1,2,3) dm (-1,0,1); p (2,1,4) mean 7/3, dp (-1,-4,5)/3
        //   sxy = 1/3 + 5/3 = 2, sxx = 2, syy = 42/9 = 14/3 -> r = 2/sqrt(28/3) = sqrt(3/7)
        //   ranks p (2,1,3): dy (0,-1,1), sxy = 1 -> rho = 1/2
        assertRow(score.subset(Subset.HIGH), 3, Math.sqrt(3.0 / 7), 0.5);

        // low {a,b,d}: m (1,2,5) mean 8/3, dm (-5,-2,7)/3; p (2,1,4), dp (-1,-4,5)/3
        //   sxy = (5+8+35)/9 = 16/3, sxx = 78/9 = 26/3, syy = 14/3
        //   r = (16/3)/sqrt(364/9) = 16/sqrt(364) = 8/sqrt(91); ranks as high -> rho = 1/2
        assertRow(score.subset(Subset.LOW), 3, 8 / Math.sqrt(91), 0.5);

        // native {a,c,d}: m (1,3,5) dm (-2,0,2); p (2,4,4) mean 10/3, dp (-4,2,2)/3
        //   sxy = 8/3 + 4/3 = 4, sxx = 8, syy = 24/9 = 8/3 -> r = 4/sqrt(64/3) = sqrt(3)/2
        //   ranks p (1,2.5,2.5): dy (-1,.5,.5), sxy = 1.5, sxx = 2, syy = 1.5 -> rho = sqrt(3)/2
        assertRow(score.subset(Subset.NATIVE), 3, Math.sqrt(3) / 2, Math.sqrt(3) / 2);

        // random {b,c,d}: m (2,3,5) mean 10/3, dm (-4,-1,5)/3; p (1,4,4) mean 3, dp (-2,1,1)
        //   sxy = (8-1+5)/3 = 4, sxx = 42/9 = 14/3, syy = 6 -> r = 4/sqrt(28) = 2/sqrt(7)
        //   ranks p (1,2.5,2.5) as native -> rho = sqrt(3)/2
        assertRow(score.subset(Subset.RANDOM), 3, 2 / Math.sqrt(7), Math.sqrt(3) / 2);

        // challenging {a,b,c,d} ("a" listed twice, counted once): the same as all.
        assertRow(score.subset(Subset.CHALLENGING), 4, 23 / Math.sqrt(945), 7 / Math.sqrt(90));

        // snv pairs (alt, ref) = (b,a), (c,a), (d,b) [(b,a) listed twice, counted once]:
        //   dmeasured = (2-1, 3-1, 5-2) = (1,2,3); dpredicted = (1-2, 4-2, 4-1) = (-1,2,3)
        //   dx (-1,0,1); mean dp 4/3, dy (-7,2,5)/3: sxy = 7/3 + 5/3 = 4, sxx = 2, syy = 78/9
        //   r = 4/sqrt(2*26/3) = 2*sqrt(3/13); ranks (1,2,3) and (1,2,3) -> rho = 1
        assertRow(score.subset(Subset.SNV), 3, 2 * Math.sqrt(3.0 / 13), 1.0);

        // motif perturbation (a,c), (d,c), (b,d):
        //   dmeasured = (1-3, 5-3, 2-5) = (-2,2,-3); dpredicted = (2-4, 4-4, 1-4) = (-2,0,-3)
        //   mean -1, dx (-1,3,-2); mean -5/3, dy (-1,5,-4)/3: sxy = (1+15+8)/3 = 8
        //   sxx = 14, syy = 42/9 = 14/3 -> r = 8/sqrt(196/3) = 4*sqrt(3)/7
        //   ranks (2,3,1) and (2,3,1) -> rho = 1
        assertRow(score.subset(Subset.MOTIF_PERTURBATION), 3, 4 * Math.sqrt(3) / 7, 1.0);

        // motif tiling (c,b), (d,a), (a,b):
        //   dmeasured = (3-2, 5-1, 1-2) = (1,4,-1); dpredicted = (4-1, 4-2, 2-1) = (3,2,1)
        //   mean 4/3, dx (-1,8,-7)/3; mean 2, dy (1,0,-1): sxy = -1/3 + 7/3 = 2
        //   sxx = 114/9 = 38/3, syy = 2 -> r = 2/sqrt(76/3) = sqrt(3/19)
        //   ranks (2,3,1) and (3,2,1): dx (0,1,-1), dy (1,0,-1) -> rho = 1/2
        assertRow(score.subset(Subset.MOTIF_TILING), 3, Math.sqrt(3.0 / 19), 0.5);

        // Pearson score = (1*529/945 + 0.3*(3/7 + 64/91 + 3/4 + 4/7) + 0.5*529/945
        //                  + 1.25*12/13 + 0.3*48/49 + 0.4*3/19) / 4.65
        //               = 3.0865531502749... / 4.65 = 0.663774871026872...
        final double pearsonSum =
                529.0 / 945
                        + 0.3 * (3.0 / 7 + 64.0 / 91 + 3.0 / 4 + 4.0 / 7)
                        + 0.5 * 529.0 / 945
                        + 1.25 * 12.0 / 13
                        + 0.3 * 48.0 / 49
                        + 0.4 * 3.0 / 19;
        assertThat(score.pearsonScore()).isCloseTo(pearsonSum / 4.65, within(EPS));
        assertThat(score.pearsonScore()).isCloseTo(0.663774871026872, within(EPS));

        // Spearman score = (7/sqrt(90) + 0.3*(1/2 + 1/2 + sqrt(3)/2 + sqrt(3)/2)
        //                   + 0.5*7/sqrt(90) + 1.25*1 + 0.3*1 + 0.4*1/2) / 4.65
        //                = 3.6764124233296 / 4.65 = 0.790626327597763...
        final double spearmanSum =
                7 / Math.sqrt(90)
                        + 0.3 * (0.5 + 0.5 + Math.sqrt(3) / 2 + Math.sqrt(3) / 2)
                        + 0.5 * 7 / Math.sqrt(90)
                        + 1.25
                        + 0.3
                        + 0.4 * 0.5;
        assertThat(score.spearmanScore()).isCloseTo(spearmanSum / 4.65, within(EPS));
        assertThat(score.spearmanScore()).isCloseTo(0.7906263275977626, within(EPS));

        assertThat(score.complete()).isTrue();
        assertThat(score.problems()).isEmpty();
        assertThat(score.scoredWeight()).isCloseTo(4.65, within(EPS));
        assertThat(score.pearsonScoreOverScored()).isCloseTo(score.pearsonScore(), within(EPS));
    }

    @Test
    void perfectPredictionsScoreOne() {
        final EvaluationSet set = handExample();
        final ChallengeScore score = ChallengeEvaluator.evaluate(set, set.measured());
        assertThat(score.complete()).isTrue();
        assertThat(score.pearsonScore()).isCloseTo(1.0, within(EPS));
        assertThat(score.spearmanScore()).isCloseTo(1.0, within(EPS));
        for (final SubsetScore s : score.rows()) {
            assertThat(s.r()).as(s.name()).isCloseTo(1.0, within(EPS));
            assertThat(s.rho()).as(s.name()).isCloseTo(1.0, within(EPS));
        }
    }

    @Test
    void scoresDoNotDependOnScaleOrOffsetOfPredictions() {
        final Map<String, Double> scaled = new HashMap<>();
        handPredictions().forEach((id, p) -> scaled.put(id, 3.5 * p - 12));
        final ChallengeScore a = ChallengeEvaluator.evaluate(handExample(), handPredictions());
        final ChallengeScore b = ChallengeEvaluator.evaluate(handExample(), scaled);
        assertThat(b.pearsonScore()).isCloseTo(a.pearsonScore(), within(EPS));
        assertThat(b.spearmanScore()).isCloseTo(a.spearmanScore(), within(EPS));
    }

    @Test
    void pairOrientationDoesNotMatter() {
        // The same pairs as (ref, alt): both differences flip sign, r and rho stay.
        final EvaluationSet flipped =
                EvaluationSet.builder()
                        .measured("a", 1)
                        .measured("b", 2)
                        .measured("c", 3)
                        .measured("d", 5)
                        .pair(Subset.SNV, "a", "b")
                        .pair(Subset.SNV, "a", "c")
                        .pair(Subset.SNV, "b", "d")
                        .build();
        assertThat(ChallengeEvaluator.evaluate(flipped, handPredictions()).subset(Subset.SNV).r())
                .isCloseTo(2 * Math.sqrt(3.0 / 13), within(EPS));
    }

    @Test
    void pairsAreScoredOnDifferencesNotLevels() {
        // Three pairs whose members differ a lot in level. A model that gets every level right
        // up to a constant per pair but predicts alt = ref says nothing about the change:
        // dpredicted = (0, 0, 0), so r and rho are undefined and the subset adds 0.
        final EvaluationSet set =
                EvaluationSet.builder()
                        .measured("a1", 1.0)
                        .measured("r1", 1.5)
                        .measured("a2", 5.0)
                        .measured("r2", 4.0)
                        .measured("a3", 9.0)
                        .measured("r3", 9.2)
                        .pair(Subset.SNV, "a1", "r1")
                        .pair(Subset.SNV, "a2", "r2")
                        .pair(Subset.SNV, "a3", "r3")
                        .build();
        final Map<String, Double> sameForBoth =
                Map.of("a1", 1.2, "r1", 1.2, "a2", 4.5, "r2", 4.5, "a3", 9.1, "r3", 9.1);
        final ChallengeScore score = ChallengeEvaluator.evaluate(set, sameForBoth);

        // On levels the model is excellent...
        assertThat(score.all().r()).isGreaterThan(0.99);
        // ...on differences it is undefined: no variance in the predicted differences.
        final SubsetScore snv = score.subset(Subset.SNV);
        assertThat(snv.n()).isEqualTo(3);
        assertThat(snv.scored()).isFalse();
        assertThat(snv.r()).isNaN();
        assertThat(snv.rho()).isNaN();
        assertThat(snv.pearsonTerm()).isZero();
        assertThat(snv.spearmanTerm()).isZero();
        assertThat(snv.problem())
                .isEqualTo("zero variance in predicted differences (all 3 values are 0.0)");
        assertThat(score.problems())
                .contains("snv: zero variance in predicted differences (all 3 values are 0.0)");

        // Predicting the changes instead: dmeasured = (-0.5, 1, -0.2), dpredicted the same.
        final Map<String, Double> changes =
                Map.of("a1", 0.0, "r1", 0.5, "a2", 1.0, "r2", 0.0, "a3", 0.0, "r3", 0.2);
        assertThat(ChallengeEvaluator.evaluate(set, changes).subset(Subset.SNV).r())
                .isCloseTo(1.0, within(EPS));
    }

    @Test
    void missingSubsetsAddZeroAndTheDenominatorStays() {
        // Only "all" and high, both perfect: Pearson score = (1*1 + 0.3*1) / 4.65.
        final EvaluationSet set =
                EvaluationSet.builder()
                        .measured("a", 1)
                        .measured("b", 2)
                        .measured("c", 4)
                        .member(Subset.HIGH, "a")
                        .member(Subset.HIGH, "b")
                        .member(Subset.LOW, "c") // one point: undefined
                        .build();
        final ChallengeScore score = ChallengeEvaluator.evaluate(set, set.measured());
        assertThat(score.pearsonScore()).isCloseTo(1.3 / 4.65, within(EPS));
        assertThat(score.spearmanScore()).isCloseTo(1.3 / 4.65, within(EPS));
        assertThat(score.complete()).isFalse();
        assertThat(score.scoredWeight()).isCloseTo(1.3, within(EPS));
        assertThat(score.pearsonScoreOverScored()).isCloseTo(1.0, within(EPS));
        assertThat(score.spearmanScoreOverScored()).isCloseTo(1.0, within(EPS));
        assertThat(score.subset(Subset.SNV).n()).isZero();
        assertThat(score.problems())
                .containsExactly(
                        "low: fewer than 2 points (n=1)",
                        "native: fewer than 2 points (n=0)",
                        "random: fewer than 2 points (n=0)",
                        "challenging: fewer than 2 points (n=0)",
                        "snv: fewer than 2 points (n=0)",
                        "motif-perturbation: fewer than 2 points (n=0)",
                        "motif-tiling: fewer than 2 points (n=0)");
    }

    @Test
    void everyMeasuredIdNeedsAPrediction() {
        final Map<String, Double> partial = new LinkedHashMap<>(handPredictions());
        partial.remove("b");
        partial.remove("d");
        partial.put("unmeasured", 1.0); // extra predictions are ignored
        assertThatThrownBy(() -> ChallengeEvaluator.evaluate(handExample(), partial))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no prediction for 2 of 4 measured ids (first: 'b', 'd')");
        final Map<String, Double> nan = new HashMap<>(handPredictions());
        nan.put("c", Double.NaN);
        assertThatThrownBy(() -> ChallengeEvaluator.evaluate(handExample(), nan))
                .hasMessage("prediction for 'c' must be finite, but was NaN");
    }

    private static void assertRow(
            final SubsetScore s, final int n, final double r, final double rho) {
        assertThat(s.n()).as(s.name() + " n").isEqualTo(n);
        assertThat(s.r()).as(s.name() + " r").isCloseTo(r, within(EPS));
        assertThat(s.rSquared()).as(s.name() + " r^2").isCloseTo(r * r, within(EPS));
        assertThat(s.rho()).as(s.name() + " rho").isCloseTo(rho, within(EPS));
        assertThat(s.scored()).as(s.name() + " scored").isTrue();
    }
}
