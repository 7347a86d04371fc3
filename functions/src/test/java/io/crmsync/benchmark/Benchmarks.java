package io.crmsync.benchmark;

import java.util.Map;
import java.util.TreeMap;

final class Benchmarks {

    private Benchmarks() {
    }

    /** The {@code ScalingConfig.MaximumConcurrency} template.yaml gives the SQS event source of a function. */
    static int maximumConcurrency(String functionLogicalId) {
        Map<String, Object> scaling = sqsEventProperty(functionLogicalId, "ScalingConfig");
        return ((Number) scaling.get("MaximumConcurrency")).intValue();
    }

    /** The {@code BatchSize} template.yaml gives the SQS event source of a function: messages per invocation. */
    static int batchSize(String functionLogicalId) {
        return ((Number) sqsEventProperty(functionLogicalId, "BatchSize")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static <T> T sqsEventProperty(String functionLogicalId, String property) {
        var template = io.crmsync.infra.TemplateDefinitions.load(io.crmsync.infra.TemplateDefinitions.locate());
        Map<String, Object> events = (Map<String, Object>) template.properties(functionLogicalId).get("Events");
        for (Object event : events.values()) {
            Map<String, Object> e = (Map<String, Object>) event;
            if ("SQS".equals(e.get("Type"))) {
                Object value = ((Map<String, Object>) e.get("Properties")).get(property);
                if (value == null) {
                    throw new IllegalStateException(functionLogicalId + "'s SQS event source in template.yaml has no "
                            + property);
                }
                return (T) value;
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
