package io.crmsync.settings;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a mapping needs to know of a HubSpot property: its data {@code type} (string, number, date, datetime,
 * enumeration, bool), its {@code fieldType} (text, select, checkbox, booleancheckbox, ...) and whether it can be written.
 */
@RegisterForReflection
public record HubSpotField(String name, String type, String fieldType, boolean readOnly) {
}
