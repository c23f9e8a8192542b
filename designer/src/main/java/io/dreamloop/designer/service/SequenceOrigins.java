package io.dreamloop.designer.service;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.designer.persistence.CampaignRepository;
import io.dreamloop.designer.persistence.MemberOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a sequence was designed. A sequence matches a member when it is the member's variable
 * region, or the full oligo (its library's upstream flank + variable region + downstream flank):
 * for a longer sequence, the flanks of every library it starts and ends with are stripped and the
 * rest looked up, and a hit counts only in a library with exactly those flanks. Call inside a
 * transaction.
 */
@ApplicationScoped
public class SequenceOrigins {
    /** A campaign cycle's library id: {@code <campaign>-c<cycle>} (CampaignEntity.libraryId). */
    private static final Pattern CYCLE_LIBRARY = Pattern.compile("(.+)-c(\\d+)");

    private final MemberOrigins members;
    private final CampaignRepository campaigns;

    @Inject
    public SequenceOrigins(final MemberOrigins members, final CampaignRepository campaigns) {
        this.members = members;
        this.campaigns = campaigns;
    }

    /**
     * The members designed as this sequence, oldest library first; empty when none was.
     *
     * @param sequence a variable region or a full oligo; lower case is accepted
     * @throws io.dreamloop.contracts.sequence.InvalidSequenceException naming the bad base
     */
    public List<MemberOrigins.Origin> of(final String sequence) {
        final String bases = DnaSequence.parse(sequence).bases();
        final Set<String> variables = new LinkedHashSet<>();
        variables.add(bases);
        for (final String[] f : members.flanks()) {
            if (bases.length() > f[0].length() + f[1].length()
                    && bases.startsWith(f[0])
                    && bases.endsWith(f[1])) {
                variables.add(bases.substring(f[0].length(), bases.length() - f[1].length()));
            }
        }
        return members.withVariable(variables).stream()
                .filter(
                        o ->
                                o.member().variable().equals(bases)
                                        || (o.library().upstream()
                                                        + o.member().variable()
                                                        + o.library().downstream())
                                                .equals(bases))
                .toList();
    }

    /** The campaign a library was designed for, if it is a campaign cycle's library. */
    public Optional<String> campaignOf(final String libraryId) {
        final Matcher m = CYCLE_LIBRARY.matcher(libraryId);
        if (!m.matches()) {
            return Optional.empty();
        }
        return campaigns
                .find(m.group(1))
                .filter(c -> c.libraryId(Integer.parseInt(m.group(2))).equals(libraryId))
                .map(c -> c.campaignId());
    }
}
