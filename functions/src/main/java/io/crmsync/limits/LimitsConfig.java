package io.crmsync.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code crmsync.limits.*}: how work waits out a CRM's spent daily API budget. */
@ConfigMapping(prefix = "crmsync.limits")
public interface LimitsConfig {

    /**
     * The longest a paused message waits before it looks again (SQS delays stop at 900 s, so a longer wait is several
     * of these; each costs one SQS send and no CRM call before the reset).
     */
    @WithDefault("900s")
    Duration recheck();

    /**
     * The queue workers' Lambda timeout (template.yaml: 300 s for syncBatch and importChunk). A CRM call's retries
     * stop {@link #deadlineMargin()} before it, so the function ends cleanly instead of being killed mid-write.
     */
    @WithDefault("300s")
    Duration functionTimeout();

    /** Time kept back from {@link #functionTimeout()} to report the failure and flush usage. */
    @WithDefault("15s")
    Duration deadlineMargin();
}
