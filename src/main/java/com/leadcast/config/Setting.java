package com.leadcast.config;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One configured value and the name it was configured under, so that a refusal names what the operator set.
 *
 * @param name  the system property or environment variable the value came from
 * @param value the value, trimmed, never blank
 */
public record Setting(String name, String value) {

    /**
     * The setting given as the system property {@code property} (found through {@code properties}) or else as
     * the environment variable {@code variable} (through {@code environment}); lookups answer null when unset.
     */
    public static Optional<Setting> find(String property, String variable, UnaryOperator<String> environment,
                                         UnaryOperator<String> properties) {
        return given(property, properties.apply(property)).or(() -> given(variable, environment.apply(variable)));
    }

    private static Optional<Setting> given(String name, String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Setting(name, value.trim()));
    }

    /**
     * The value as a whole number from {@code min} to {@code max}.
     *
     * @param meaning what the number counts, for the message ("seconds a cursor stays valid")
     * @throws IllegalArgumentException naming the setting, its value and what it accepts
     */
    public long number(String meaning, long min, long max) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            number = min - 1;
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(name + " is '" + value + "': give the number of " + meaning
                    + ", a whole number from " + min + " to " + max);
        }
        return number;
    }
}
