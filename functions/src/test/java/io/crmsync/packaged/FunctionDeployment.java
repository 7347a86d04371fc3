package io.crmsync.packaged;

import java.util.LinkedHashMap;
import java.util.Map;

import io.crmsync.infra.TemplateDefinitions;

/**
 * One function as {@code template.yaml} deploys it: handler, memory, timeout and the environment Lambda gives it
 * (the Globals' variables overlaid with the function's own), with every {@code !Ref} resolved the way CloudFormation
 * would: parameters from the values given or their defaults, resources from their physical names. Read from the
 * template so that what the packaged-artifact test runs cannot drift from what is deployed.
 */
record FunctionDeployment(String logicalId, String export, String handler, int memoryMb, int timeoutSeconds,
        Map<String, String> environment) {

    static FunctionDeployment of(TemplateDefinitions template, String logicalId, Map<String, String> parameters,
            Map<String, String> physicalIds) {
        Map<String, Object> globals = map(template.globals().getOrDefault("Function", Map.of()));
        Map<String, Object> properties = template.properties(logicalId);
        Map<String, String> environment = new LinkedHashMap<>();
        Resolver resolver = new Resolver(template, parameters, physicalIds);
        for (Map<String, Object> scope : new Map[] { globals, properties }) {
            Map<String, Object> variables = map(map(scope.getOrDefault("Environment", Map.of()))
                    .getOrDefault("Variables", Map.of()));
            variables.forEach((name, value) -> environment.put(name, resolver.resolve(name, value)));
        }
        String handler = (String) properties.getOrDefault("Handler", globals.get("Handler"));
        int memory = ((Number) properties.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128))).intValue();
        int timeout = ((Number) properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3))).intValue();
        String export = environment.get("QUARKUS_FUNQY_EXPORT");
        if (export == null || handler == null) {
            throw new IllegalStateException(logicalId + " has no QUARKUS_FUNQY_EXPORT or no Handler in template.yaml");
        }
        return new FunctionDeployment(logicalId, export, handler, memory, timeout, Map.copyOf(environment));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private record Resolver(TemplateDefinitions template, Map<String, String> parameters,
            Map<String, String> physicalIds) {

        String resolve(String variable, Object value) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1 && intrinsic.get("Ref") instanceof String ref) {
                if (physicalIds.containsKey(ref)) {
                    return physicalIds.get(ref);
                }
                if (parameters.containsKey(ref)) {
                    return parameters.get(ref);
                }
                Object declared = template.parameters().get(ref);
                if (declared instanceof Map<?, ?> parameter && parameter.get("Default") != null) {
                    return parameter.get("Default").toString();
                }
                throw new IllegalStateException(variable + " refers to " + ref
                        + ", which is neither a resource given a physical id nor a parameter with a value or default");
            }
            throw new IllegalStateException(variable + " has a value the test cannot resolve: " + value);
        }
    }
}
