package io.crmsync.local;

import java.util.HashMap;
import java.util.Map;

/**
 * Local mode as {@code quarkus:dev} starts it, with the poll left at its deployed 15 minutes: whatever reaches the
 * other side within a test's minute came through the change events.
 */
public class LocalModeEventsProfile extends LocalModeProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("crmsync.local.poll-interval", "15m");
        // every object, as deployed: the events of any of them must not depend on the poll's list
        config.remove("crmsync.sync.objects");
        return config;
    }
}
