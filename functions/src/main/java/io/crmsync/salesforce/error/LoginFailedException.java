package io.crmsync.salesforce.error;

/**
 * The OAuth token endpoint refused the credentials ({@code invalid_grant}, {@code invalid_client}, ...). Carries
 * Salesforce's error and description, never the credentials themselves.
 */
public class LoginFailedException extends RuntimeException {

    private final String error;

    public LoginFailedException(String error, String description) {
        super("Salesforce login failed: " + error + (description == null ? "" : " (" + description + ")"));
        this.error = error;
    }

    public LoginFailedException(String message, Throwable cause) {
        super(message, cause);
        this.error = "configuration";
    }

    public String error() {
        return error;
    }
}
