/**
 * Reference motif data shared by the designer (motif subsets) and lab-ingest (in-silico ground
 * truth): {@link io.dreamloop.contracts.motif.TransfacMotifs} reads the TRANSFAC-style matrices
 * that JASPAR exports, {@link io.dreamloop.contracts.motif.Motif} holds one position frequency
 * matrix (consensus, reverse complement, log-odds) and {@link
 * io.dreamloop.contracts.motif.ScoringMatrix} scans a sequence on both strands.
 *
 * <p>This package is the one owner of motif reading: no service parses motif files itself. The
 * motif files themselves are data, read from a path the caller supplies, never bundled.
 */
package io.dreamloop.contracts.motif;
