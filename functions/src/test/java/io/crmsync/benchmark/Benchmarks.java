package io.crmsync.benchmark;

import java.util.Map;
import java.util.TreeMap;

final class Benchmarks {

    private Benchmarks() {
    }

    /** The {@code ScalingConfig.MaximumConcurrency} template.yaml gives the SQS event source of a function. */
    @SuppressWarnings("unchecked")
    static int maximumConcurrency(String functionLogicalId) {
        var template = io.crmsync.infra.TemplateDefinitions.load(io.crmsync.infra.TemplateDefinitions.locate());
        Map<String, Object> events = (Map<String, Object>) template.properties(functionLogicalId).get("Events");
        for (Object event : events.values()) {
            Map<String, Object> e = (Map<String, Object>) event;
            if ("SQS".equals(e.get("Type"))) {
                Map<String, Object> scaling = (Map<String, Object>) ((Map<String, Object>) e.get("Properties"))
                        .get("ScalingConfig");
                return ((Number) scaling.get("MaximumConcurrency")).intValue();
            }
        }
        throw new IllegalStateException(functionLogicalId + " has no SQS event source in template.yaml");
    }

    /** What a counter snapshot gained since {@code before}, kinds that did not change left out. */
    static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }
}
