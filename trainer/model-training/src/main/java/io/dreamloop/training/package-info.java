/**
 * Training the DREAM models in DJL with the reference recipe (SPEC §1.3-1.7): the library the
 * trainer service and the benchmarks train with.
 *
 * <ul>
 *   <li>Data: {@link io.dreamloop.training.TrainingExample} rows (sequence, value) from
 *       DREAM-format files ({@link io.dreamloop.training.DreamFormat}) or lists, in a {@link
 *       io.dreamloop.training.DreamDataset} that trains on both strands; targets are {@link
 *       io.dreamloop.training.SoftTargets} over 18 bins. Encoding goes through {@code
 *       SequenceEncoding} only.
 *   <li>Recipe: {@link io.dreamloop.training.KlDivergenceLoss}, {@link
 *       io.dreamloop.training.OneCycleAdamW} on a {@link io.dreamloop.training.OneCycleSchedule},
 *       sizes in a {@link io.dreamloop.training.Recipe}; the trainer's default run, chosen by
 *       measurement, in {@link io.dreamloop.training.TrainingDefaults} (the trainer's configuration
 *       and {@code bench quality} both read it).
 *   <li>Runs: {@link io.dreamloop.training.DreamTrainer} trains a {@link
 *       io.dreamloop.training.TrainingJob} (from scratch or fine-tuning a stored parent), reports
 *       {@link io.dreamloop.training.TrainingProgress}, can be cancelled ({@link
 *       io.dreamloop.training.TrainingCancelledException}) and stores the best epoch in the {@code
 *       ModelStore} ({@link io.dreamloop.training.TrainingResult}).
 * </ul>
 *
 * <p>Model definitions, encoding, artifacts and scoring belong to {@code dreamloop-predictor-model}
 * ({@code io.dreamloop.predictor.model.*}), which this package imports. This package must not
 * import any service code (Quarkus, {@code io.dreamloop.trainer}, {@code io.dreamloop.bench}), and
 * predictor-model must never import it back.
 */
package io.dreamloop.training;
