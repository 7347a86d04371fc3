package io.crmsync.sync.translate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmsync.owners.DefaultOwners;
import io.crmsync.owners.OwnerDirectory;
import io.crmsync.owners.OwnerTranslation;
import io.crmsync.picklists.PicklistTranslation;
import io.crmsync.picklists.ValueMap;
import io.crmsync.picklists.ValueMapCatalog;
import io.crmsync.settings.FieldMapping;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which mapped fields need their values translated, and how: the owner through the people of both CRMs (matched
 * by email), a field with a value map through it, a company's domain through {@link DomainTranslation}; every other
 * field crosses as it is.
 */
@ApplicationScoped
public class Translations {

    private final ValueMapCatalog valueMaps;
    private final OwnerDirectory owners;
    private final DefaultOwners defaultOwners;

    Translations(ValueMapCatalog valueMaps, OwnerDirectory owners, DefaultOwners defaultOwners) {
        this.valueMaps = valueMaps;
        this.owners = owners;
        this.defaultOwners = defaultOwners;
    }

    /** By HubSpot property; properties not listed cross unchanged. */
    public Map<String, ValueTranslation> forObject(String object, List<FieldMapping> mappings) {
        Map<String, ValueMap> maps = new LinkedHashMap<>();
        valueMaps.maps(object).forEach(m -> maps.put(m.hubspotProperty(), m));
        Map<String, ValueTranslation> out = new LinkedHashMap<>();
        OwnerTranslation ownerTranslation = null;
        for (FieldMapping m : mappings) {
            ValueMap map = maps.get(m.hubspotProperty());
            if (m.isOwner()) {
                if (ownerTranslation == null) {
                    ownerTranslation = new OwnerTranslation(owners, defaultOwners.current());
                }
                out.put(m.hubspotProperty(), ownerTranslation);
            } else if (map != null && map.salesforceField().equalsIgnoreCase(m.salesforceField())) {
                out.put(m.hubspotProperty(), new PicklistTranslation(object, map));
            } else if (object.equals("company") && m.hubspotProperty().equals("domain")) {
                out.put(m.hubspotProperty(), DomainTranslation.INSTANCE);
            } else if (object.equals("call") && m.hubspotProperty().equals("hs_call_duration")
                    && m.salesforceField().equalsIgnoreCase("CallDurationInSeconds")) {
                out.put(m.hubspotProperty(), CallDurationTranslation.INSTANCE);
            }
        }
        return out;
    }
}
