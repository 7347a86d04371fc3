package io.crmsync.imports;

import java.util.Optional;

import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.error.DailyApiLimitExceededException;
import io.crmsync.salesforce.model.ApiUsage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides before each page whether the import may spend more of the org's daily Salesforce API allocation. The
 * allocation is shared with the customer's other integrations, so the import stops while it would leave less than
 * the configured reserve. Usage comes from the {@code Sforce-Limit-Info} header of the last call; only when that
 * says "no" is it refreshed with one {@code /limits} call, because a stale "no" would otherwise never turn "yes".
 */
@ApplicationScoped
public class ApiBudgetGuard {

    /** One keyset query per page, plus one retrieve/describe now and then. */
    static final long CALLS_PER_PAGE = 2;

    private final SalesforceClient salesforce;
    private final ImportsConfig config;

    ApiBudgetGuard(SalesforceClient salesforce, ImportsConfig config) {
        this.salesforce = salesforce;
        this.config = config;
    }

    /** True if one more page keeps the org above its reserve. */
    public boolean allowsNextPage() {
        Optional<ApiUsage> known = salesforce.apiUsage();
        if (known.isPresent() && allows(known.get())) {
            return true;
        }
        try {
            salesforce.limits();
        } catch (DailyApiLimitExceededException e) {
            return false;
        }
        return salesforce.apiUsage().map(this::allows).orElse(true);
    }

    private boolean allows(ApiUsage usage) {
        long reserve = usage.max() * config.budgetReservePercent() / 100;
        return usage.remaining() - CALLS_PER_PAGE >= reserve;
    }
}
