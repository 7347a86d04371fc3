package io.crmsync.resync;

/**
 * A segment resync would spend more Salesforce calls than the org has left above crm-sync's reserve. Carries the
 * numbers so the user sees exactly how far short the budget is; nothing was enqueued.
 */
public class SalesforceBudgetShortException extends RuntimeException {

    private final ResyncEstimate estimate;
    private final long remaining;
    private final long reserve;

    public SalesforceBudgetShortException(ResyncEstimate estimate, long remaining, long reserve) {
        super("Resyncing " + estimate.members() + " members needs up to " + estimate.salesforceCalls()
                + " Salesforce API calls, but only " + Math.max(0, remaining - reserve) + " are available today ("
                + remaining + " remaining minus the reserve of " + reserve + "). Nothing was queued.");
        this.estimate = estimate;
        this.remaining = remaining;
        this.reserve = reserve;
    }

    public ResyncEstimate estimate() {
        return estimate;
    }

    public long remaining() {
        return remaining;
    }

    public long reserve() {
        return reserve;
    }

    public long available() {
        return Math.max(0, remaining - reserve);
    }
}
