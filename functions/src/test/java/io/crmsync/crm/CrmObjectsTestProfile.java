package io.crmsync.crm;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Boots the {@code poll} function polling the whole CRM: contacts, companies, deals and tickets. */
public class CrmObjectsTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "poll", "crmsync.sync.objects", "company,contact,deal,ticket");
    }
}
