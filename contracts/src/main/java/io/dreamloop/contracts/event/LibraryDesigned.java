package io.dreamloop.contracts.event;

import io.dreamloop.contracts.sequence.Flanks;
import java.util.List;
import java.util.Objects;

/**
 * One chunk of a designed library. A library of {@code totalMembers} sequences travels as {@code
 * chunk.count()} events with the same library id; each is complete on its own.
 *
 * @param header the event header
 * @param libraryId the library
 * @param totalMembers the number of members over all chunks
 * @param flanks the constant flanks of every member
 * @param provenance how the library was made
 * @param chunk this event's place among the library's chunks
 * @param members the members in this chunk
 */
public record LibraryDesigned(
        EventHeader header,
        String libraryId,
        int totalMembers,
        Flanks flanks,
        DesignProvenance provenance,
        Chunk chunk,
        List<LibraryMember> members)
        implements Event {

    public LibraryDesigned {
        EventTypes.check(header, LibraryDesigned.class);
        Ids.require(libraryId, "libraryId");
        Objects.requireNonNull(flanks, "flanks");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(chunk, "chunk");
        members = Lists.nonEmptyCopy(members, "members");
        Lists.requireUnique(members, LibraryMember::id, "members");
        if (totalMembers < members.size()) {
            throw new IllegalArgumentException(
                    "totalMembers %d is smaller than the %d members of this chunk"
                            .formatted(totalMembers, members.size()));
        }
    }

    @Override
    public String key() {
        return libraryId;
    }
}
