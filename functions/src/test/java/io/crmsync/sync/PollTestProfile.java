package io.crmsync.sync;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Boots the {@code poll} function, polling contacts only so that tests count exactly the calls one object costs. */
public class PollTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", "poll", "crmsync.sync.objects", "contact");
    }
}
