package io.crmsync.hubspot;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HubSpot CRM endpoints crm-sync uses. Every method answers the raw {@link Response}: the client needs the
 * status (207 vs 200), the rate-limit headers and HubSpot's error body together, so {@link HubSpotTransport} reads
 * them instead of the REST client's default exception mapper.
 */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface HubSpotApi {

    @POST
    @Path("/crm/v3/objects/{objectType}/batch/{operation}")
    Response batch(@PathParam("objectType") String objectType, @PathParam("operation") String operation, String body);

    @POST
    @Path("/crm/v3/objects/{objectType}/search")
    Response search(@PathParam("objectType") String objectType, String body);

    @GET
    @Path("/crm/v3/properties/{objectType}")
    Response properties(@PathParam("objectType") String objectType);

    @GET
    @Path("/crm/v3/schemas")
    Response schemas();

    @POST
    @Path("/crm/v3/properties/{objectType}")
    Response createProperty(@PathParam("objectType") String objectType, String body);

    @GET
    @Path("/crm/v3/owners/")
    Response owners(@QueryParam("limit") int limit, @QueryParam("after") String after);

    @POST
    @Path("/crm/v3/lists/")
    Response createList(String body);

    @POST
    @Path("/crm/v3/lists/search")
    Response searchLists(String body);

    @GET
    @Path("/crm/v3/lists/{listId}")
    Response getList(@PathParam("listId") String listId, @QueryParam("includeFilters") boolean includeFilters);

    @GET
    @Path("/crm/v3/lists/{listId}/memberships")
    Response memberships(@PathParam("listId") String listId, @QueryParam("after") String after,
            @QueryParam("limit") int limit);

    @GET
    @Path("/crm/v3/lists/records/{objectTypeId}/{recordId}/memberships")
    Response recordMemberships(@PathParam("objectTypeId") String objectTypeId, @PathParam("recordId") String recordId);

    @PUT
    @Path("/crm/v3/lists/{listId}/memberships/{action}")
    Response editMemberships(@PathParam("listId") String listId, @PathParam("action") String action, String body);

    @POST
    @Path("/crm/v4/associations/{fromType}/{toType}/batch/associate/default")
    Response associateDefault(@PathParam("fromType") String fromType, @PathParam("toType") String toType, String body);

    /** {@code operation}: {@code read}, {@code create} or {@code archive}. */
    @POST
    @Path("/crm/v4/associations/{fromType}/{toType}/batch/{operation}")
    Response associations(@PathParam("fromType") String fromType, @PathParam("toType") String toType,
            @PathParam("operation") String operation, String body);
}
