package io.dreamloop.designer.design;

import io.dreamloop.contracts.sequence.DnaSequence;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named binding site to write into a background: a motif's consensus, a core of it, or a
 * homopolymer such as poly-A.
 *
 * <p>The name goes into {@link io.dreamloop.contracts.event.LibraryMember#method()}, e.g. {@code
 * motif-tiling.mga1.rc@12}, so it is lower case and uses only letters, digits, {@code .}, {@code _}
 * and {@code -}. The reverse complement carries the suffix {@code .rc}, the notation of the DREAM
 * 2022 tags ({@code rand311_Mga1.RC_1}).
 *
 * @param name lower-case label, e.g. {@code reb1}
 * @param sequence the site, A/C/G/T only
 */
public record MotifSite(String name, DnaSequence sequence) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /**
     * @throws IllegalArgumentException on a name that is not a lower-case label or a site with
     *     {@code N}
     */
    public MotifSite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sequence, "sequence");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "motif site name '%s' must be 1-64 lower-case letters, digits, '.', '_' or '-'"
                            .formatted(name));
        }
        sequence.requireDefinite();
    }

    /** A site named {@code name} in lower case. */
    public static MotifSite of(final String name, final DnaSequence sequence) {
        return new MotifSite(name.toLowerCase(Locale.ROOT), sequence);
    }

    /**
     * A run of {@code length} A named {@code polya}; the DREAM 2022 tiling used {@value
     * MotifCatalog#DREAM_POLY_A_LENGTH}.
     */
    public static MotifSite polyA(final int length) {
        if (length < 1) {
            throw new IllegalArgumentException("poly-A length must be >= 1, but was " + length);
        }
        return new MotifSite("polya", DnaSequence.of("A".repeat(length)));
    }

    /**
     * An immutable copy of {@code sites}, checked to be non-empty with distinct names (the name is
     * what tells the pairs of two sites apart).
     *
     * @throws IllegalArgumentException on an empty list or a repeated name
     */
    static List<MotifSite> requireDistinct(final List<MotifSite> sites) {
        final List<MotifSite> copy = List.copyOf(Objects.requireNonNull(sites, "sites"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no motif sites given; pass at least one");
        }
        final Set<String> names = new HashSet<>();
        for (final MotifSite site : copy) {
            if (!names.add(site.name())) {
                throw new IllegalArgumentException(
                        "motif site name '%s' is given twice".formatted(site.name()));
            }
        }
        return copy;
    }

    /** Number of bases. */
    public int length() {
        return sequence.length();
    }

    /** The site as read on the other strand, named {@code <name>.rc}. */
    public MotifSite reverseComplement() {
        return new MotifSite(name + ".rc", sequence.reverseComplement());
    }

    /** True when the site reads the same on both strands, so it has only one orientation. */
    public boolean isPalindrome() {
        return sequence.equals(sequence.reverseComplement());
    }
}
