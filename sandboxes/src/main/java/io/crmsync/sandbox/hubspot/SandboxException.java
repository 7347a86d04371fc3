package io.crmsync.sandbox.hubspot;

/** Thrown inside the sandbox to stop handling a request and answer with {@link #error()}. */
final class SandboxException extends RuntimeException {

    private final transient HubSpotError error;

    SandboxException(HubSpotError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    static SandboxException validation(String message) {
        return new SandboxException(HubSpotError.validation(message));
    }

    HubSpotError error() {
        return error;
    }
}
