package io.crmsync.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmsync.segments.InclusionSegment;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;

/**
 * The field mappings and inclusion segments of some objects as a test found them. Test classes share one application
 * (and its table), so a test that changes settings puts them back when it ends.
 */
public final class SettingsSnapshot {

    private final MappingCatalog mappings;
    private final InclusionSegmentSettings segments;
    private final Map<String, List<FieldMapping>> mappingsByObject = new LinkedHashMap<>();
    private final Map<String, String> segmentByObject = new LinkedHashMap<>();

    private SettingsSnapshot(MappingCatalog mappings, InclusionSegmentSettings segments, List<String> objects) {
        this.mappings = mappings;
        this.segments = segments;
        for (String object : objects) {
            mappingsByObject.put(object, mappings.mappings(object));
            segmentByObject.put(object, segments.find(object).map(InclusionSegment::listId).orElse(null));
        }
    }

    public static SettingsSnapshot take(MappingCatalog mappings, InclusionSegmentSettings segments, String... objects) {
        return new SettingsSnapshot(mappings, segments, List.of(objects));
    }

    /**
     * Companies synced by name and city, with no inclusion segment: the fixture of the fault scenarios, which judge
     * records by those two fields. Returns the settings as they were, to restore when the test ends.
     */
    public static SettingsSnapshot companiesByNameAndCity(MappingCatalog mappings, InclusionSegmentSettings segments) {
        SettingsSnapshot before = take(mappings, segments, "company");
        segments.choose("company", null);
        mappings.replace("company", List.of(FieldMapping.of("name", "Name"), FieldMapping.of("city", "BillingCity")));
        return before;
    }

    public void restore() {
        mappingsByObject.forEach(mappings::replace);
        segmentByObject.forEach(segments::choose);
    }
}
