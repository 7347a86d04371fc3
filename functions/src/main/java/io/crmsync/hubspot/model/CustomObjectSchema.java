package io.crmsync.hubspot.model;

/** A custom object type of the portal: {@code objectTypeId} (2-...), {@code name} and {@code p<portal>_<name>}. */
public record CustomObjectSchema(String objectTypeId, String name, String fullyQualifiedName, String label) {

    /** Whether a user's reference (type id, name or fully qualified name) means this type. */
    public boolean isNamed(String reference) {
        return objectTypeId.equals(reference) || name.equalsIgnoreCase(reference)
                || fullyQualifiedName.equalsIgnoreCase(reference);
    }
}
