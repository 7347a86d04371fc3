package io.crmsync.salesforce.model;

import java.util.List;

/** One page of a query; follow {@code nextRecordsUrl} (queryMore) until {@code done}. */
public record QueryPage(int totalSize, boolean done, String nextRecordsUrl, List<SObject> records) {

    public QueryPage {
        records = List.copyOf(records);
    }
}
