package io.dreamloop.labingest.insilico;

import java.util.Map;

/**
 * Default role of each of the 16 yeast factors in {@code derived_yeast_selected_TFs_transfac.txt}:
 * sign and size of its effect on expression and how strongly it acts from the reverse strand.
 *
 * <p>Signs follow the factors' best-known roles in <i>S. cerevisiae</i> promoters (the JASPAR
 * {@code DE} lines carry only names, so this is curated knowledge, not read from the file):
 *
 * <ul>
 *   <li>General regulatory factors that open chromatin and activate many promoters, strongest:
 *       REB1, RAP1, ABF1; the RSC subunit RSC3 (nucleosome-depleted regions) slightly less.
 *   <li>Condition-specific activators, moderate: MCM1, MSN2, GCR1, PHO4, CBF1, HSF1, SKN7, AZF1,
 *       TBF1, MGA1 (MGA1 is an HSF-like activator of filamentous-growth genes).
 *   <li>Repressors: UME6 (recruits Sin3–Rpd3 to repress meiotic genes), MOT3 (represses
 *       hypoxic/ergosterol genes in aerobic growth). Both activate in some contexts; the model uses
 *       their dominant repressive role.
 * </ul>
 *
 * <p>Reverse-strand factors are modelling choices, not measurements: most binding is orientation
 * independent, but MPRA studies report orientation-dependent activity for some factors, so the
 * non-palindromic motifs are given a weaker reverse orientation. Palindromic E-box / CArG / HSE
 * binders (CBF1, PHO4, MCM1, HSF1) get 1.0.
 */
final class YeastDefaults {

    /** Activity in raw expression units, and the reverse-strand factor. */
    record Role(double activity, double reverseStrandFactor) {}

    static final Map<String, Role> ROLES =
            Map.ofEntries(
                    Map.entry("REB1", new Role(2.5, 0.7)),
                    Map.entry("RAP1", new Role(2.5, 0.8)),
                    Map.entry("ABF1", new Role(2.2, 0.8)),
                    Map.entry("RSC3", new Role(1.5, 0.9)),
                    Map.entry("MCM1", new Role(1.2, 1.0)),
                    Map.entry("MSN2", new Role(1.2, 0.8)),
                    Map.entry("GCR1", new Role(1.0, 0.7)),
                    Map.entry("PHO4", new Role(1.0, 1.0)),
                    Map.entry("CBF1", new Role(0.9, 1.0)),
                    Map.entry("HSF1", new Role(1.2, 1.0)),
                    Map.entry("SKN7", new Role(0.9, 0.6)),
                    Map.entry("AZF1", new Role(0.8, 0.6)),
                    Map.entry("TBF1", new Role(0.9, 0.8)),
                    Map.entry("MGA1", new Role(0.8, 0.5)),
                    Map.entry("UME6", new Role(-2.0, 0.8)),
                    Map.entry("MOT3", new Role(-1.5, 0.7)));

    private YeastDefaults() {}
}
