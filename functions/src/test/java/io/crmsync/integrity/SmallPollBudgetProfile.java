package io.crmsync.integrity;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The poll function, polling companies first, then contacts, with a run budget small enough for a few records to
 * be a "mass update": 10 records per read per run (HubSpot: 2 pages of 5), a 14 s run that starts no page after 8 s and no CRM
 * call attempt after 11 s; a lookback of 1 s (the tests poll seconds apart, where deployed polls are 15 minutes
 * apart: with the default 2 minutes every poll would re-read the whole mass update). Shared by the poll integrity tests so they boot one application.
 */
public class SmallPollBudgetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "poll", "crmsync.sync.objects", "company,contact",
                "crmsync.sync.poll.page-size", "5", "crmsync.sync.poll.max-records", "10",
                "crmsync.sync.poll.timeout", "14s", "crmsync.sync.poll.stop-margin", "6s",
                "crmsync.limits.deadline-margin", "3s", "crmsync.sync.lookback", "PT1S");
    }
}
