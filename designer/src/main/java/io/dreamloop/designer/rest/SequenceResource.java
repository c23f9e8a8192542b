package io.dreamloop.designer.rest;

import io.dreamloop.designer.persistence.DesignedLibraryEntity;
import io.dreamloop.designer.persistence.DesignedMemberEntity;
import io.dreamloop.designer.persistence.MemberOrigins;
import io.dreamloop.designer.service.SequenceOrigins;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Where sequences were designed. */
@Path("/sequences")
@Produces(MediaType.APPLICATION_JSON)
public class SequenceResource {
    private final SequenceOrigins origins;

    @Inject
    public SequenceResource(final SequenceOrigins origins) {
        this.origins = origins;
    }

    /**
     * Every library member designed as this sequence, oldest library first. The sequence is a
     * variable region or a full oligo with its library's flanks (see {@link SequenceOrigins}); an
     * unknown sequence gives {@code []}, invalid bases give 400 naming the base and position.
     */
    @GET
    @Path("/{sequence}")
    @Transactional
    public List<SequenceOriginView> find(@PathParam("sequence") final String sequence) {
        return origins.of(sequence).stream().map(this::view).toList();
    }

    private SequenceOriginView view(final MemberOrigins.Origin origin) {
        final DesignedMemberEntity m = origin.member();
        final DesignedLibraryEntity l = origin.library();
        return new SequenceOriginView(
                l.libraryId(),
                m.key().memberId(),
                m.subset(),
                m.pairId(),
                m.method(),
                SequenceOriginView.keyValues(m.provenance(), false),
                SequenceOriginView.keyValues(m.predictions(), true),
                origins.campaignOf(l.libraryId()).orElse(null),
                l.createdAt());
    }
}
