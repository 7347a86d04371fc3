package io.crmsync.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Salesforce REST data API, built programmatically per {@code instance_url}. Methods return the raw
 * {@link Response} (default error mapper off) so the client reads {@code Sforce-Limit-Info} from every answer,
 * errors included, and maps errors itself.
 */
@Path("/services/data/{version}")
@Produces(MediaType.APPLICATION_JSON)
public interface SalesforceDataApi {

    /** {@code q} arrives fully percent-encoded (see SalesforceClient#encodeQuery) and is sent as is. */
    @GET
    @Path("/query")
    Response query(@HeaderParam("Authorization") String auth, @PathParam("version") String version,
            @QueryParam("q") @Encoded String q, @HeaderParam("Sforce-Query-Options") String queryOptions);

    @GET
    @Path("/query/{locator}")
    Response queryMore(@HeaderParam("Authorization") String auth, @PathParam("version") String version,
            @PathParam("locator") String locator);

    @GET
    @Path("/sobjects/{type}/describe")
    Response describe(@HeaderParam("Authorization") String auth, @PathParam("version") String version,
            @PathParam("type") String type);

    @POST
    @Path("/composite/sobjects")
    @Consumes(MediaType.APPLICATION_JSON)
    Response create(@HeaderParam("Authorization") String auth, @PathParam("version") String version, JsonNode body);

    @PATCH
    @Path("/composite/sobjects")
    @Consumes(MediaType.APPLICATION_JSON)
    Response update(@HeaderParam("Authorization") String auth, @PathParam("version") String version, JsonNode body);

    @PATCH
    @Path("/composite/sobjects/{type}/{externalIdField}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response upsert(@HeaderParam("Authorization") String auth, @PathParam("version") String version,
            @PathParam("type") String type, @PathParam("externalIdField") String externalIdField, JsonNode body);

    @POST
    @Path("/composite/sobjects/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response retrieve(@HeaderParam("Authorization") String auth, @PathParam("version") String version,
            @PathParam("type") String type, JsonNode body);

    @DELETE
    @Path("/composite/sobjects")
    Response delete(@HeaderParam("Authorization") String auth, @PathParam("version") String version,
            @QueryParam("ids") String ids, @QueryParam("allOrNone") boolean allOrNone);

    @GET
    @Path("/sobjects/{type}/updated")
    Response updated(@HeaderParam("Authorization") String auth, @PathParam("version") String version,
            @PathParam("type") String type, @QueryParam("start") String start, @QueryParam("end") String end);

    @GET
    @Path("/sobjects/{type}/deleted")
    Response deleted(@HeaderParam("Authorization") String auth, @PathParam("version") String version,
            @PathParam("type") String type, @QueryParam("start") String start, @QueryParam("end") String end);

    @GET
    @Path("/limits")
    Response limits(@HeaderParam("Authorization") String auth, @PathParam("version") String version);
}
