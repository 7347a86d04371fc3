package io.crmsync.integrity;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The poll function, polling companies first, then contacts, with a run budget small enough for a few records to
 * be a "mass update": 10 records per read per run (HubSpot: 2 pages of 5), a 14 s run that starts no page after 8 s and no CRM
 * call attempt after 11 s; a lookback of 1 s (the tests poll seconds apart, where deployed polls are 15 minutes
 * apart: with the default 2 minutes every poll would re-read the whole mass update). Shared by the poll integrity tests so they boot one application.
 * It also names the console's OpenID Connect issuer for {@link io.crmsync.console.ConsoleSignInTest}: those settings
 * touch no poll path (they shape /console/config.json and the console's Content-Security-Policy), and sharing the
 * profile saves an application build and start.
 */
public class SmallPollBudgetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(Map.entry("quarkus.funqy.export", "poll"), Map.entry("crmsync.sync.objects", "company,contact"),
                Map.entry("crmsync.sync.poll.page-size", "5"), Map.entry("crmsync.sync.poll.max-records", "10"),
                Map.entry("crmsync.sync.poll.timeout", "14s"), Map.entry("crmsync.sync.poll.stop-margin", "6s"),
                Map.entry("crmsync.limits.deadline-margin", "3s"), Map.entry("crmsync.sync.lookback", "PT1S"),
                Map.entry("crmsync.console.oidc.issuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"),
                Map.entry("crmsync.console.oidc.audience", "4example0client0id"),
                Map.entry("crmsync.console.oidc.client-id", ""));
    }
}
