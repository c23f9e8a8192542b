/**
 * Library generators. Each works on {@link io.dreamloop.contracts.sequence.DnaSequence} and a
 * seeded random generator, so the same request always gives the same library.
 *
 * <p>One generator per subset, each a small final class built from the request's variable length,
 * {@link io.dreamloop.contracts.sequence.Flanks} and {@link
 * io.dreamloop.contracts.event.LibraryConstraints}, with a {@code design(idPrefix, count, avoid,
 * random)} method: {@link io.dreamloop.designer.design.RandomLibraryDesigner} (random), {@link
 * io.dreamloop.designer.design.SnvPairs} (SNV pairs), {@link
 * io.dreamloop.designer.design.MotifPerturbation} and {@link
 * io.dreamloop.designer.design.MotifTiling} (motif pairs on random backgrounds, sites from {@link
 * io.dreamloop.designer.design.MotifCatalog}) and {@link
 * io.dreamloop.designer.design.NativeFragments} (windows of promoters read by {@link
 * io.dreamloop.designer.design.FastaReader}). A request that cannot be met throws {@link
 * io.dreamloop.designer.constraint.UnsatisfiableRequestException} saying what to change; no
 * generator returns fewer members than asked for.
 *
 * <p>Pairs. For paired subsets {@code count} is the number of pairs; each pair is two members, alt
 * then ref, with ids {@code <pairId>-alt} and {@code <pairId>-ref} sharing {@code pairId =
 * <prefix>-<subset>-<n>}. A ref may be shared by several pairs (a motif background, an SNV
 * reference), as in the DREAM 2022 data where {@code rand311} is the ref of hundreds of tiling
 * pairs. Because a member carries a single pair id, the shared ref appears once per pair, each copy
 * with its own id; such identical refs of one family are the only repeated sequences a generator
 * makes. Consumers that synthesize or count by sequence should collapse them to one oligo.
 *
 * <p>Builds on {@code designer.ga} and {@code designer.constraint}; neither imports this package.
 * Must not import the service, messaging or REST layers.
 */
package io.dreamloop.designer.design;
