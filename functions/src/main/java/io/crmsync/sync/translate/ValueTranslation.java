package io.crmsync.sync.translate;

/**
 * How one mapped field's values cross between the CRMs when the two do not share a vocabulary: picklist values
 * (StageName "Closed Won" is dealstage "closedwon"), owners (a Salesforce User id is a HubSpot owner id), domains (a
 * Website URL is a company domain). Blank stays blank in both directions.
 */
public interface ValueTranslation {

    ValueTranslation IDENTITY = new ValueTranslation() {
        @Override
        public Translated toHubSpot(String salesforceValue) {
            return Translated.of(salesforceValue);
        }

        @Override
        public Translated toSalesforce(String hubspotValue) {
            return Translated.of(hubspotValue);
        }
    };

    /** A (normalized, non-blank) Salesforce value in HubSpot's vocabulary. */
    Translated toHubSpot(String salesforceValue);

    /** A (normalized, non-blank) HubSpot value in Salesforce's vocabulary. */
    Translated toSalesforce(String hubspotValue);

    /** Blank passes through untouched; everything else is translated. */
    default Translated hubspotSide(String salesforceValue) {
        return salesforceValue == null || salesforceValue.isBlank() ? Translated.of(null) : toHubSpot(salesforceValue);
    }

    default Translated salesforceSide(String hubspotValue) {
        return hubspotValue == null || hubspotValue.isBlank() ? Translated.of(null) : toSalesforce(hubspotValue);
    }
}
