package io.crmsync.imports;

import java.util.List;

import io.crmsync.imports.catalogue.ImportPhase;
import io.crmsync.imports.catalogue.ImportableObject;
import io.crmsync.imports.definition.ImportDefinition;
import io.crmsync.salesforce.soql.Condition;

/**
 * A checked import definition: the phases it runs and, per phase, the WHERE condition (filters, plus the campaign for
 * campaign imports). Built the same way by the API and by every chunk worker, from the stored definition.
 */
public record ImportPlan(ImportDefinition definition, ImportableObject object, List<Step> steps) {

    public ImportPlan {
        steps = List.copyOf(steps);
    }

    public record Step(ImportPhase phase, Condition where) {
    }

    public Step step(int phase) {
        if (phase < 0 || phase >= steps.size()) {
            throw new IllegalArgumentException("Import of " + object.wireName() + " has " + steps.size()
                    + " phase(s); there is no phase " + phase);
        }
        return steps.get(phase);
    }
}
