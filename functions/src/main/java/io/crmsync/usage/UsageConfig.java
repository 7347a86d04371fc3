package io.crmsync.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Salesforce API budget crm-sync allows itself ({@code crmsync.usage.*}), shown by Sync Health. */
@ConfigMapping(prefix = "crmsync.usage")
public interface UsageConfig {

    /**
     * Salesforce calls per rolling 24 hours crm-sync may spend ("Allocated to HubSpot" in HubSpot's connector). The
     * org's limit is shared with every other integration, so crm-sync keeps to its own share.
     */
    @WithDefault("100000")
    long salesforceAllocation();

    /** Daily calls crm-sync always leaves to the org's other users: on-demand work is refused below this. */
    @WithDefault("1000")
    long salesforceReserve();
}
