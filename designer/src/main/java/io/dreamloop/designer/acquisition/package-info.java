/**
 * Active-learning acquisition: which of many candidate sequences to measure next so that the models
 * learn the most from a fixed budget. A {@link io.dreamloop.designer.acquisition.Candidate} carries
 * one prediction per model of an ensemble (model versions, architectures or seeds); an {@link
 * io.dreamloop.designer.acquisition.AcquisitionStrategy} picks a batch from them and says for each
 * sequence why it was chosen ({@link io.dreamloop.designer.acquisition.Acquired}):
 *
 * <ul>
 *   <li>{@code random}: the baseline, a seeded uniform draw;
 *   <li>{@code uncertainty}: the largest disagreement across the ensemble (standard deviation of
 *       the predictions);
 *   <li>{@code diverse-uncertainty}: uncertain candidates spread out in k-mer-profile space (an
 *       uncertainty-weighted farthest-point traversal, {@link
 *       io.dreamloop.designer.acquisition.DiverseUncertainty});
 *   <li>{@code mixed}: half the batch at random, half by {@code diverse-uncertainty} ({@link
 *       io.dreamloop.designer.acquisition.MixedAcquisition});
 *   <li>{@code disagreement}: the largest difference between two models, the challenging design's
 *       criterion;
 *   <li>{@code exploit-high} / {@code exploit-low}: the highest or lowest mean prediction.
 * </ul>
 *
 * <p>Every ranked strategy keeps the batch diverse: a sequence closer than a minimum Hamming
 * distance to one already chosen is passed over ({@link
 * io.dreamloop.designer.acquisition.DiversityFilter}), so a batch does not spend its budget on
 * near-copies of one uncertain sequence.
 */
package io.dreamloop.designer.acquisition;
