package io.dreamloop.trainer.config;

import io.dreamloop.contracts.vocabulary.WireNames;

/**
 * When a newly trained version becomes champion, i.e. the version the predictor serves by default.
 * Whatever the policy, the new version and the served champion are scored on the same held-out
 * rows, and the run says why it did or did not become champion with both numbers.
 */
public enum ChampionPolicy {
    /** Champion whatever its score. */
    ALWAYS,
    /** Never champion (a campaign's models serve the campaign). */
    NEVER,
    /**
     * Champion when its held-out Pearson r is at least the served champion's on the same rows, or
     * when nothing is served; not champion when the served champion cannot be loaded to compare.
     */
    NOT_WORSE;

    /** The name in configuration: {@code always}, {@code never}, {@code not-worse}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /**
     * The policy of a wire name.
     *
     * @throws IllegalArgumentException naming the valid names when there is no such policy
     */
    public static ChampionPolicy fromWireName(final String name) {
        return WireNames.parse(ChampionPolicy.class, name, "champion policy");
    }

    /** Reads a policy from configuration by its wire name. */
    public static final class Converter
            implements org.eclipse.microprofile.config.spi.Converter<ChampionPolicy> {
        private static final long serialVersionUID = 1L;

        @Override
        public ChampionPolicy convert(final String value) {
            return fromWireName(value.strip());
        }
    }
}
