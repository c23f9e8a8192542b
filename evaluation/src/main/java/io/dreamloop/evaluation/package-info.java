/**
 * Scoring as in the Random Promoter DREAM Challenge 2022 (SPEC.md section 3): per-subset Pearson r
 * and Spearman ρ between measured and predicted expression, pair subsets scored on the differences
 * alt − ref, and the two weighted scores {@code Σ w·r² / 4.65} and {@code Σ w·ρ / 4.65}.
 *
 * <p>The pieces: {@link io.dreamloop.evaluation.Correlations} (r and ρ, with a reason instead of an
 * exception when a correlation is undefined), {@link io.dreamloop.evaluation.ChallengeWeights},
 * {@link io.dreamloop.evaluation.EvaluationSet} (measured values, subset membership and pairs),
 * {@link io.dreamloop.evaluation.ChallengeEvaluator} which produces a {@link
 * io.dreamloop.evaluation.ChallengeScore}, the readers {@link
 * io.dreamloop.evaluation.PredictionsFile} and {@link io.dreamloop.evaluation.MeasurementsFile},
 * and the command {@link io.dreamloop.evaluation.EvaluateCommand} behind {@code ./dreamloop
 * evaluate}. Plain Java, no framework: the trainer calls the evaluator in-process.
 */
package io.dreamloop.evaluation;
