package io.crmsync.sandbox.salesforce.store;

import java.util.Map;

import io.crmsync.sandbox.salesforce.schema.ObjectDef;

/** Told of every committed API write (not of seeding), as Change Data Capture is. */
public interface ChangeListener {

    ChangeListener NONE = new ChangeListener() {
        @Override
        public void changed(ObjectDef def, String id, String changeType, Map<String, Object> before,
                Map<String, Object> after) {
        }

        @Override
        public void rolledBack(ObjectDef def, String id) {
        }
    };

    /** @param changeType CREATE, UPDATE or DELETE; {@code before} is null for CREATE, {@code after} for DELETE */
    void changed(ObjectDef def, String id, String changeType, Map<String, Object> before, Map<String, Object> after);

    /** An all-or-none request put the record back: its changes were never committed. */
    void rolledBack(ObjectDef def, String id);
}
