package io.crmsync.testing;

import java.time.Instant;

import io.crmsync.settings.ObjectPair;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.store.CrmSide;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.quarkus.arc.Arc;

/**
 * A quiet start for tests that run the poll: every object the poll polls (the standard pairs and the configured
 * custom objects), on both sides, has its watermark at {@code now}, so the poll finds only what the test changes
 * after it, not what earlier tests in the same application left behind.
 */
public final class PollWatermarks {

    private PollWatermarks() {
    }

    public static void allAt(Instant now) {
        ObjectPairs pairs = Arc.container().instance(ObjectPairs.class).get();
        WatermarkRepository watermarks = Arc.container().instance(WatermarkRepository.class).get();
        for (ObjectPair pair : pairs.all().values()) {
            for (String sobject : pair.salesforceObjects()) {
                watermarks.reset(new Watermark(pair.hubspotObject() + "." + sobject, CrmSide.SALESFORCE, now, null, now));
            }
            watermarks.reset(new Watermark(pair.hubspotObject(), CrmSide.HUBSPOT, now, null, now));
        }
    }
}
