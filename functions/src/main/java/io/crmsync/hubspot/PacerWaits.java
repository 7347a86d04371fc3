package io.crmsync.hubspot;

/**
 * How long calls waited at the HubSpot client's pacer so far, in milliseconds summed over the threads that waited: for
 * this client's own share of the burst window, for the portal's reserve (the rate-limit headers said other callers
 * used the rest), and for the search limit. What a benchmark prints to tell the pacer's waits from the APIs' latency.
 */
public record PacerWaits(long ownWindowMillis, long portalReserveMillis, long searchMillis) {
}
