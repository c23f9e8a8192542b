package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Designs a whole library from a request: one generator per subset, each with its own random stream
 * split in request order from the request's seed (appending a subset leaves the earlier ones
 * unchanged), no sequence twice across subsets.
 */
public final class LibraryDesigner {
    /** Name and version of this design code, recorded as provenance. */
    public static final String NAME = "dreamloop-designer/0.1";

    /** Subsets this designer can make today. */
    public static final Set<Subset> SUPPORTED = EnumSet.of(Subset.RANDOM);

    private final int drawsPerSequence;

    public LibraryDesigner(final int drawsPerSequence) {
        this.drawsPerSequence = drawsPerSequence;
    }

    /**
     * @throws UnsatisfiableRequestException when a subset is not supported or the constraints
     *     cannot be met; nothing is designed then
     */
    public List<LibraryMember> design(final DesignRequested request) {
        final List<String> unsupported =
                request.quotas().stream()
                        .map(SubsetQuota::subset)
                        .filter(s -> !SUPPORTED.contains(s))
                        .map(Subset::wireName)
                        .toList();
        if (!unsupported.isEmpty()) {
            throw new UnsatisfiableRequestException(
                    "subsets %s are not available in this designer version; available: %s"
                            .formatted(
                                    unsupported,
                                    SUPPORTED.stream()
                                            .map(Subset::wireName)
                                            .collect(Collectors.joining(", "))));
        }
        final SplittableRandom root = new SplittableRandom(request.seed());
        final List<LibraryMember> members = new ArrayList<>();
        final Set<DnaSequence> used = new HashSet<>();
        for (final SubsetQuota quota : request.quotas()) {
            final SplittableRandom random = root.split();
            final List<LibraryMember> designed =
                    switch (quota.subset()) {
                        case RANDOM ->
                                new RandomLibraryDesigner(
                                                request.variableLength(),
                                                request.flanks(),
                                                request.constraints(),
                                                drawsPerSequence)
                                        .design(request.libraryId(), quota.count(), used, random);
                        default ->
                                throw new IllegalStateException("unreachable: " + quota.subset());
                    };
            designed.forEach(m -> used.add(m.variable()));
            members.addAll(designed);
        }
        return members;
    }
}
