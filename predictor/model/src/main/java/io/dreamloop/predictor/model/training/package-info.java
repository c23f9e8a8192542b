/**
 * Training the DREAM models in DJL with the reference recipe (SPEC §1.3-1.7), and the same blocks
 * on other assays.
 *
 * <ul>
 *   <li>Data: {@link io.dreamloop.predictor.model.training.TrainingExample} rows (sequence, value)
 *       from DREAM-format files ({@link io.dreamloop.predictor.model.training.DreamFormat}) or
 *       lists, in a {@link io.dreamloop.predictor.model.training.DreamDataset} that trains on both
 *       strands; targets are {@link io.dreamloop.predictor.model.training.SoftTargets} over 18
 *       bins. Encoding goes through {@code SequenceEncoding} only.
 *   <li>Recipe: {@link io.dreamloop.predictor.model.training.KlDivergenceLoss}, {@link
 *       io.dreamloop.predictor.model.training.OneCycleAdamW} on a {@link
 *       io.dreamloop.predictor.model.training.OneCycleSchedule}, sizes in a {@link
 *       io.dreamloop.predictor.model.training.Recipe}; the trainer's default run, chosen by
 *       measurement, in {@link io.dreamloop.predictor.model.training.TrainingDefaults} (the
 *       trainer's configuration and {@code bench quality} both read it).
 *   <li>Runs: {@link io.dreamloop.predictor.model.training.DreamTrainer} trains a {@link
 *       io.dreamloop.predictor.model.training.TrainingJob} (from scratch or fine-tuning a stored
 *       parent), reports {@link io.dreamloop.predictor.model.training.TrainingProgress}, can be
 *       cancelled ({@link io.dreamloop.predictor.model.training.TrainingCancelledException}) and
 *       stores the best epoch in the {@code ModelStore} ({@link
 *       io.dreamloop.predictor.model.training.TrainingResult}).
 *   <li>Other assays (STARR-seq, MPRA): {@link io.dreamloop.predictor.model.training.AssayTable}
 *       and {@link io.dreamloop.predictor.model.training.AssayTrainer}, a regression head with one
 *       output per measured activity and an MSE loss.
 * </ul>
 */
package io.dreamloop.predictor.model.training;
