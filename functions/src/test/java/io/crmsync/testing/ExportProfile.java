package io.crmsync.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Boots the application as one particular Lambda: {@code quarkus.funqy.export} picks the function, exactly as
 * {@code QUARKUS_FUNQY_EXPORT} does on AWS. One profile per function, because Funqy serves one export per process.
 */
public abstract class ExportProfile implements QuarkusTestProfile {

    private final String function;

    protected ExportProfile(String function) {
        this.function = function;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", function);
    }

    public static final class ImportChunk extends ExportProfile {
        public ImportChunk() {
            super("importChunk");
        }
    }

    public static final class SyncBatch extends ExportProfile {
        public SyncBatch() {
            super("syncBatch");
        }
    }

    public static final class Poll extends ExportProfile {
        public Poll() {
            super("poll");
        }
    }

    public static final class ChangeEvents extends ExportProfile {
        public ChangeEvents() {
            super("changeEvents");
        }
    }
}
