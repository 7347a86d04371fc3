package io.crmsync.store;

import static io.crmsync.store.Attributes.n;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The UpdateItem expression that adds a chunk's counts to a job: ADD for the top-level counters, and
 * {@code SET errors.#c = if_not_exists(errors.#c, 0) + :n} per error category (ADD cannot reach into a map). Both
 * are evaluated server-side, so concurrent workers never lose an increment.
 */
record CounterUpdate(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    static CounterUpdate of(ImportCounters delta, Map<String, Long> errorsByCategory, Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringJoiner add = new StringJoiner(", ", "ADD ", "").setEmptyValue("");
        long[] increments = ImportJobMapper.values(delta);
        for (int i = 0; i < ImportJobMapper.COUNTERS.length; i++) {
            if (increments[i] != 0) {
                String counter = ImportJobMapper.COUNTERS[i];
                names.put("#" + counter, counter);
                values.put(":" + counter, n(increments[i]));
                add.add("#" + counter + " :" + counter);
            }
        }
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        set.add("updatedAt = :now");
        values.put(":now", Attributes.instant(now));
        int index = 0;
        for (Map.Entry<String, Long> error : errorsByCategory.entrySet()) {
            if (error.getKey() == null || error.getKey().isBlank()) {
                throw new IllegalArgumentException("Error category must not be blank");
            }
            if (error.getValue() < 0) {
                throw new IllegalArgumentException("Error count for " + error.getKey() + " cannot be negative");
            }
            if (error.getValue() == 0) {
                continue;
            }
            String name = "#e" + index;
            String value = ":e" + index;
            names.put(name, error.getKey());
            values.put(value, n(error.getValue()));
            set.add("errors." + name + " = if_not_exists(errors." + name + ", :zero) + " + value);
            index++;
        }
        if (index > 0) {
            values.put(":zero", n(0));
        }
        String expression = String.join(" ", List.of(set.toString(), add.toString())).trim();
        return new CounterUpdate(expression, names, values);
    }
}
