/**
 * The in-silico sort-seq lab: its ground truth, a thermodynamic model of transcription-factor
 * occupancy that turns a promoter oligo into an expression value on the DREAM 0–17 bin scale
 * ({@link io.dreamloop.labingest.insilico.OccupancyModel}), and its measurement, the sort-seq
 * simulator that sorts cells into gates and sequences them ({@link
 * io.dreamloop.labingest.insilico.SortSeqSimulator}, the generative model MAUDE inverts; {@link
 * io.dreamloop.labingest.insilico.LabSort} sorts one library, {@link
 * io.dreamloop.labingest.insilico.Calibration} sets a campaign's gates and scale once).
 *
 * <p>Owns: everything simulated. It may import {@code estimation} (gates, count matrix, numerics)
 * and contracts; it must not import the {@code ingest}, {@code persistence}, {@code service},
 * {@code messaging} or {@code rest} packages, nor Quarkus or Jakarta, so the bench and tests run it
 * without a service. The CDI edge that publishes the lab's runs is {@code service.InSilicoLab}.
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
 *   <li>Concentrations are fixed per factor (one growth condition); the model adds no measurement
 *       noise, that belongs to the simulated sort-seq measurement.
 * </ul>
 */
package io.dreamloop.labingest.insilico;
