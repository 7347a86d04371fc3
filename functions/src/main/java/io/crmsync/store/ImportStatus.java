package io.crmsync.store;

/** Life cycle of an import job. */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    /** Waiting until {@code pausedUntil} because a CRM's daily API budget is used up. */
    PAUSED_API_BUDGET,
    COMPLETED,
    COMPLETED_WITH_ERRORS,
    CANCELLED,
    FAILED;

    public boolean isFinished() {
        return this == COMPLETED || this == COMPLETED_WITH_ERRORS || this == CANCELLED || this == FAILED;
    }
}
