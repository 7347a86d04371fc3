package io.crmsync.sync.translate;

/**
 * A value carried into the other CRM's vocabulary, or why it cannot be: {@code problem} is a Sync Health message that
 * names the value and says how to make it translatable (map it, add the person, ...). {@code note}, when set, says
 * the value is a stand-in (the default owner) and why; the field's history keeps it.
 */
public record Translated(String value, String problem, String note) {

    public static Translated of(String value) {
        return new Translated(value, null, null);
    }

    public static Translated untranslatable(String problem) {
        return new Translated(null, problem, null);
    }

    public static Translated defaulted(String value, String note) {
        return new Translated(value, null, note);
    }

    public boolean ok() {
        return problem == null;
    }
}
