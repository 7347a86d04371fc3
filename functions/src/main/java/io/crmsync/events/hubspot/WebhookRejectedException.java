package io.crmsync.events.hubspot;

/** A webhook request crm-sync refuses: unsigned or wrongly signed (unauthorized), or malformed. Nothing is queued. */
public class WebhookRejectedException extends RuntimeException {

    private final boolean unauthorized;
    private final String code;
    private final String field;

    private WebhookRejectedException(boolean unauthorized, String code, String message, String field) {
        super(message);
        this.unauthorized = unauthorized;
        this.code = code;
        this.field = field;
    }

    public static WebhookRejectedException unauthorized(String code, String message) {
        return new WebhookRejectedException(true, code, message, null);
    }

    public static WebhookRejectedException malformed(String message, String field) {
        return new WebhookRejectedException(false, "MALFORMED_WEBHOOK", message, field);
    }

    public boolean unauthorized() {
        return unauthorized;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
