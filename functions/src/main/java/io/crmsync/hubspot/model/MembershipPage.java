package io.crmsync.hubspot.model;

import java.util.List;
import java.util.Optional;

/** A page of list member record ids; {@code nextAfter} is empty on the last page. */
public record MembershipPage(List<String> recordIds, Optional<String> nextAfter) {

    public MembershipPage {
        recordIds = List.copyOf(recordIds);
    }
}
