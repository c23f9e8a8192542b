/**
 * The in-silico lab's ground truth: a thermodynamic model of transcription-factor occupancy that
 * turns a promoter oligo into an expression value on the DREAM 0–17 bin scale.
 *
 * <p>The shared {@link io.dreamloop.contracts.motif.TransfacMotifs} reads JASPAR matrices and
 * {@link io.dreamloop.contracts.motif.Motif} turns them into log-odds scores (the contracts module
 * owns motif reading, so the designer's motif subsets and this ground truth read the same
 * matrices); {@link io.dreamloop.labingest.insilico.OccupancyModel} combines occupancies of
 * activators and repressors, position and orientation effects and poly-A/T tracts. The model is
 * plain, deterministic Java with no framework dependencies, so any service or test can use it.
 *
 * <p>Biological simplifications, chosen for clarity over realism:
 *
 * <ul>
 *   <li>Binding energy is the PWM log-odds score (additive over positions, uniform background); no
 *       dinucleotide or shape effects, no DNA-binding cooperativity.
 *   <li>Sites of one factor are independent (no steric exclusion between overlapping sites, and no
 *       competition between factors for the same bases); a factor's occupancy is the chance that at
 *       least one of its sites is bound, weighted.
 *   <li>Factors act additively on a raw scale, then a logistic maps the raw scale to bins; real
 *       promoters show synergy and quenching that this ignores.
 *   <li>Position matters through one smooth decay from the 3' end (nearest the core promoter)
 *       shared by all factors; orientation through one reverse-strand factor per factor.
 *   <li>Nucleosome depletion is reduced to counting A or T homopolymer tracts.
 *   <li>Concentrations are fixed per factor (one growth condition); no measurement noise is added
 *       here, that belongs to the simulated sort-seq measurement.
 * </ul>
 */
package io.dreamloop.labingest.insilico;
