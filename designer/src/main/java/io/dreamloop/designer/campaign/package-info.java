/**
 * Campaigns: design, measure, train, acquire, for a number of cycles. The designer owns a
 * campaign's state ({@link io.dreamloop.designer.persistence.CampaignEntity}); the loop is driven
 * by events only:
 *
 * <ol>
 *   <li>a campaign starts with its test library ({@link
 *       io.dreamloop.designer.campaign.TestLibrarySpec}: random, high, low, SNV, motif perturbation
 *       and tiling, designed once, measured once, never trained on; the trainer scores every
 *       cycle's ensemble on it) and a random library of its budget (cycle 0);
 *   <li>the lab measures it; the trainer, once the cycle's run is complete, trains an ensemble on
 *       the campaign's measurements and publishes each model with the campaign, cycle and ensemble
 *       member in its lineage;
 *   <li>when a cycle's ensemble is complete, the next cycle's library is requested: its random
 *       subset is chosen from scored random candidates by the campaign's acquisition strategy with
 *       that ensemble; after the last cycle's models the campaign is finished.
 * </ol>
 *
 * <p>Every step is idempotent (deterministic event ids, models recorded once per cycle and member),
 * so redelivered events and restarts of any service do not repeat or lose a cycle.
 */
package io.dreamloop.designer.campaign;
