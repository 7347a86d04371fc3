package io.crmsync.sync.worker;

import java.util.LinkedHashMap;
import java.util.Map;

import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.ObjectPair;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.sync.translate.Translations;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the {@link MappedObject} of an object from its current mappings and the (client-cached) describes. */
@ApplicationScoped
public class MappedObjects {

    private final ObjectPairs pairs;
    private final MappingCatalog mappings;
    private final SalesforceClient salesforce;
    private final Translations translations;

    MappedObjects(ObjectPairs pairs, MappingCatalog mappings, SalesforceClient salesforce, Translations translations) {
        this.pairs = pairs;
        this.translations = translations;
        this.mappings = mappings;
        this.salesforce = salesforce;
    }

    public MappedObject forObject(String object) {
        ObjectPair pair = pairs.require(object);
        Map<String, Describe> describes = new LinkedHashMap<>();
        pair.salesforceObjects().forEach(s -> describes.put(s, salesforce.describe(s)));
        var mapped = mappings.mappings(object);
        return new MappedObject(pair, mapped, describes, translations.forObject(object, mapped));
    }
}
