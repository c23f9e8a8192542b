package io.dreamloop.trainer.service;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.evaluation.Correlations;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.persistence.CampaignEvaluationEntity;
import io.dreamloop.trainer.persistence.EvaluationStore;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.TrainingRow;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores each campaign cycle's ensemble on the campaign's test library, once, when both are there:
 * every member of the cycle trained and the test library measured. The ensemble predicts the mean
 * of its members, as acquisition uses it; it is scored by the challenge's scores against the
 * measurements and, where the in-silico lab recorded it, against the noiseless truth. The test
 * library is never trained on ({@link MeasurementStore#trainingRows}), so every cycle of every
 * strategy is scored on the same rows.
 *
 * <p>Metrics: the challenge's ({@link ScoreMetrics}) of the ensemble against the measurements, the
 * same prefixed {@code truth.} against the truth, {@code member.<k>.score.pearson} and {@code
 * member.<k>.pearson.all} of each member, and {@code lab.pearson.truth}, the Pearson r of the
 * measurements with the truth: how well a perfect model could score against the measurements.
 */
@ApplicationScoped
public class CampaignEvaluation {

    private final TrainerConfig config;
    private final MeasurementStore measurements;
    private final ModelRegistry registry;
    private final EvaluationStore evaluations;

    @Inject
    public CampaignEvaluation(
            final TrainerConfig config,
            final MeasurementStore measurements,
            final ModelRegistry registry,
            final EvaluationStore evaluations) {
        this.config = config;
        this.measurements = measurements;
        this.registry = registry;
        this.evaluations = evaluations;
    }

    /** What scoring a cycle needs: its members' artifacts and the test library's rows. */
    private record Ready(List<String> versions, List<String> artifacts, List<TrainingRow> rows) {}

    /**
     * Evaluates every cycle of a campaign that is ready and not yet evaluated; runs outside a
     * transaction (it loads models).
     */
    public void evaluatePending(final String campaignId) {
        final List<Integer> cycles =
                QuarkusTransaction.requiringNew().call(() -> registry.campaignCycles(campaignId));
        cycles.forEach(c -> evaluateIfReady(campaignId, c));
    }

    /** The campaigns whose test library has measurements on the training method. */
    public List<String> campaignsWithTestLibrary() {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                measurements.campaignsWithTestLibrary(
                                        config.training().method().wireName()));
    }

    /**
     * Scores a cycle's ensemble on its campaign's test library if every member trained, the test
     * library is measured and the cycle is not scored yet; runs outside a transaction.
     *
     * @return the evaluation made now, or empty
     */
    public Optional<CampaignEvaluationEntity> evaluateIfReady(
            final String campaignId, final int cycle) {
        final Ready ready = QuarkusTransaction.requiringNew().call(() -> ready(campaignId, cycle));
        if (ready == null) {
            return Optional.empty();
        }
        final Predictions predicted = predict(ready);
        final Map<String, Double> metrics = score(ready, predicted);
        final CampaignEvaluationEntity evaluation =
                evaluation(campaignId, cycle, ready, predicted, metrics);
        if (!addIfFirst(evaluation, campaignId, cycle)) {
            return Optional.empty();
        }
        Log.infof(
                "campaign %s cycle %d: ensemble of %d scored on the test library (%d rows):"
                        + " Pearson score %.4f, r %.4f; against the truth r %.4f",
                campaignId,
                cycle,
                ready.versions().size(),
                ready.rows().size(),
                metrics.get("score.pearson"),
                metrics.getOrDefault("pearson.all", Double.NaN),
                metrics.getOrDefault("truth.pearson.all", Double.NaN));
        return Optional.of(evaluation);
    }

    private static CampaignEvaluationEntity evaluation(
            final String campaignId,
            final int cycle,
            final Ready ready,
            final Predictions predicted,
            final Map<String, Double> metrics) {
        final Map<String, Double> byRow = new LinkedHashMap<>();
        for (int i = 0; i < predicted.ensemble().length; i++) {
            byRow.put(ready.rows().get(i).id(), (double) predicted.ensemble()[i]);
        }
        return new CampaignEvaluationEntity(
                new CampaignEvaluationEntity.Key(campaignId, cycle),
                ready.versions().size(),
                String.join(",", ready.versions()),
                ready.rows().size(),
                new String(EventCodec.instance().toJsonBytes(metrics), StandardCharsets.UTF_8),
                byRow);
    }

    /**
     * Adds the evaluation in its own transaction unless the cycle was scored meanwhile (scoring
     * runs outside a transaction, so another caller may have finished first).
     *
     * @return whether it was added
     */
    private boolean addIfFirst(
            final CampaignEvaluationEntity evaluation, final String campaignId, final int cycle) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () -> {
                            if (evaluations.find(campaignId, cycle).isPresent()) {
                                return false;
                            }
                            evaluations.add(evaluation);
                            return true;
                        });
    }

    private Ready ready(final String campaignId, final int cycle) {
        if (evaluations.find(campaignId, cycle).isPresent()) {
            return null;
        }
        final List<TrainingRunEntity> members = registry.campaignMembers(campaignId, cycle);
        if (members.isEmpty() || members.size() < members.getFirst().ensembleSize()) {
            return null;
        }
        final String method = config.training().method().wireName();
        if (!measurements.testLibraryMeasured(campaignId, method)) {
            return null;
        }
        final List<TrainingRow> rows =
                measurements.testLibraryRows(config.training().scale(), method, campaignId);
        if (rows.size() < 3) {
            return null;
        }
        final List<String> versions = new ArrayList<>();
        final List<String> artifacts = new ArrayList<>();
        for (final TrainingRunEntity m : members) {
            versions.add(m.modelVersion());
            artifacts.add(registry.version(m.modelVersion()).orElseThrow().artifactSha256());
        }
        return new Ready(versions, artifacts, rows);
    }

    /**
     * The test rows' predictions, in row order.
     *
     * @param members each member's
     * @param ensemble their mean
     */
    private record Predictions(float[][] members, float[] ensemble) {}

    private Predictions predict(final Ready ready) {
        final ModelStore store = new ModelStore(Path.of(config.training().store()));
        final List<DnaSequence> sequences =
                ready.rows().stream().map(r -> DnaSequence.of(r.sequence())).toList();
        final float[][] members = new float[ready.artifacts().size()][];
        final float[] ensemble = new float[sequences.size()];
        final ScoringSetup setup = ScoringSetup.of(config.training());
        for (int k = 0; k < members.length; k++) {
            try (ModelScorer scorer = setup.open(store, ready.artifacts().get(k))) {
                members[k] = scorer.score(sequences).mean();
            }
            for (int i = 0; i < ensemble.length; i++) {
                ensemble[i] += members[k][i] / members.length;
            }
        }
        return new Predictions(members, ensemble);
    }

    private static Map<String, Double> score(final Ready ready, final Predictions predictions) {
        final HeldOut measured = new HeldOut(ready.rows());
        final Map<String, Double> out =
                new LinkedHashMap<>(ScoreMetrics.of("", measured.evaluate(predictions.ensemble())));
        if (ready.rows().stream().allMatch(r -> r.truth() != null)) {
            final List<TrainingRow> truths =
                    ready.rows().stream()
                            .map(
                                    r ->
                                            new TrainingRow(
                                                    r.id(),
                                                    r.sequence(),
                                                    r.truth(),
                                                    r.subset(),
                                                    r.pairKey(),
                                                    r.truth()))
                            .toList();
            out.putAll(
                    ScoreMetrics.of(
                            "truth.", new HeldOut(truths).evaluate(predictions.ensemble())));
            out.put(
                    "lab.pearson.truth",
                    Correlations.pearson(
                                    ready.rows().stream().mapToDouble(TrainingRow::value).toArray(),
                                    ready.rows().stream().mapToDouble(TrainingRow::truth).toArray())
                            .value());
        }
        for (int k = 0; k < predictions.members().length; k++) {
            final ChallengeScore member = measured.evaluate(predictions.members()[k]);
            out.put("member.%d.score.pearson".formatted(k), member.pearsonScore());
            out.put("member.%d.pearson.all".formatted(k), member.all().r());
        }
        return out;
    }
}
