package io.crmsync.settings;

import io.crmsync.hubspot.model.PropertyDefinition;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a mapping needs to know of a HubSpot property: its data {@code type} (string, number, date, datetime,
 * enumeration, bool), its {@code fieldType} (text, select, checkbox, booleancheckbox, ...) and whether it can be written.
 */
@RegisterForReflection
public record HubSpotField(String name, String type, String fieldType, boolean readOnly) {

    /** A property as HubSpot describes it; calculated properties are read-only. */
    public static HubSpotField of(PropertyDefinition p) {
        return new HubSpotField(p.name(), p.type(), p.fieldType(), p.readOnlyValue() || p.calculated());
    }
}
