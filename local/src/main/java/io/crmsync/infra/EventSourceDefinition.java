package io.crmsync.infra;

/**
 * What triggers a function, as template.yaml declares it: an SQS queue (with its batch size) or a schedule.
 * {@code export} is the function's QUARKUS_FUNQY_EXPORT.
 */
public record EventSourceDefinition(String functionLogicalId, String export, String type, String queueLogicalId,
        int batchSize, String schedule, int functionTimeoutSeconds) {

    public boolean isQueue() {
        return "SQS".equals(type);
    }

    public boolean isSchedule() {
        return "Schedule".equals(type) || "ScheduleV2".equals(type);
    }
}
