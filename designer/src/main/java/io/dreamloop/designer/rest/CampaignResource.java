package io.dreamloop.designer.rest;

import io.dreamloop.designer.campaign.CampaignRequest;
import io.dreamloop.designer.campaign.CampaignService;
import io.dreamloop.designer.persistence.CampaignEntity;
import io.dreamloop.designer.persistence.CampaignRepository;
import io.dreamloop.designer.persistence.LibraryRepository;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Campaigns: start one, watch it, cancel it. */
@Path("/campaigns")
public class CampaignResource {
    private final CampaignService service;
    private final CampaignRepository campaigns;
    private final LibraryRepository libraries;

    @Inject
    public CampaignResource(
            final CampaignService service,
            final CampaignRepository campaigns,
            final LibraryRepository libraries) {
        this.service = service;
        this.campaigns = campaigns;
        this.libraries = libraries;
    }

    /** Starts a campaign: 202 with its URL, 400 saying what is wrong, 409 for a taken id. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response start(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "uncertainty",
                                                            summary =
                                                                    "Uncertainty acquisition: 2 cycles of 300 after a random first batch",
                                                            value =
                                                                    "{\"campaignId\": \"camp-1\", \"goal\": \"learn the promoter landscape\", \"strategy\": \"uncertainty\", \"cycles\": 2, \"budget\": 300, \"candidates\": 3000, \"minHamming\": 10, \"seed\": 2022}")))
                    final CampaignRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("request body is required");
        }
        final CampaignEntity campaign = service.start(body);
        return Response.accepted(view(campaign))
                .location(URI.create("/campaigns/" + campaign.campaignId()))
                .build();
    }

    /** Every campaign, newest first. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<CampaignView> all() {
        return campaigns.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{campaignId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public CampaignView get(@PathParam("campaignId") final String campaignId) {
        return view(service.get(campaignId));
    }

    /**
     * Cancels a running campaign ({@code ?reason=...} optional): 200 with the campaign, 404 for an
     * unknown id, 409 when it has already ended. The cycle in flight completes; no next one starts.
     */
    @POST
    @Path("/{campaignId}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public CampaignView cancel(
            @PathParam("campaignId") final String campaignId,
            @QueryParam("reason") final String reason) {
        return view(service.cancel(campaignId, reason));
    }

    private CampaignView view(final CampaignEntity campaign) {
        return CampaignView.of(campaign, campaigns.models(campaign.campaignId()), libraries::find);
    }
}
