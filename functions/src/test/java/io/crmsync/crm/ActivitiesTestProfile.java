package io.crmsync.crm;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The whole CRM with activities: the records first, then the tasks and meetings that point at them. */
public class ActivitiesTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "poll",
                "crmsync.sync.objects", "company,contact,deal,ticket,task,meeting,call");
    }
}
