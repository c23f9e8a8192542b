package io.dreamloop.contracts.event;

import io.dreamloop.contracts.sequence.Flanks;
import java.util.List;
import java.util.Objects;

/**
 * A user or a campaign asks the designer for a library.
 *
 * @param header the event header
 * @param libraryId the id the library will have
 * @param quotas how many sequences of each subset, one quota per subset
 * @param variableLength length of the designed variable region (80 in DREAM 2022)
 * @param flanks the constant sequences around each variable region
 * @param constraints what every member must satisfy
 * @param seed the seed of every random choice made for this library
 * @param options how model-guided and motif subsets are made (models, GA preset, native promoters);
 *     absent means the defaults
 */
public record DesignRequested(
        EventHeader header,
        String libraryId,
        List<SubsetQuota> quotas,
        int variableLength,
        Flanks flanks,
        LibraryConstraints constraints,
        long seed,
        @OptionalField DesignOptions options)
        implements Event {

    public DesignRequested {
        EventTypes.check(header, DesignRequested.class);
        Ids.require(libraryId, "libraryId");
        quotas = Lists.nonEmptyCopy(quotas, "quotas");
        Lists.requireUnique(quotas, q -> q.subset().wireName(), "quotas");
        if (variableLength < 1 || variableLength > 1_000) {
            throw new IllegalArgumentException(
                    "variableLength must be in [1, 1000], but was %d".formatted(variableLength));
        }
        Objects.requireNonNull(flanks, "flanks");
        Objects.requireNonNull(constraints, "constraints");
        options = options == null ? DesignOptions.DEFAULT : options;
    }

    /** A request with the default design options. */
    public DesignRequested(
            final EventHeader header,
            final String libraryId,
            final List<SubsetQuota> quotas,
            final int variableLength,
            final Flanks flanks,
            final LibraryConstraints constraints,
            final long seed) {
        this(header, libraryId, quotas, variableLength, flanks, constraints, seed, null);
    }

    /** Total number of sequences asked for (pairs count twice). */
    public int totalSequences() {
        return quotas.stream().mapToInt(q -> q.subset().paired() ? 2 * q.count() : q.count()).sum();
    }

    @Override
    public String key() {
        return libraryId;
    }
}
