package com.leadcast.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed of a fuzz run: {@code -Dfuzz.seed=N} when given (to repeat a run), else a new random one. As a jqwik hook
 * ({@code @AddLifecycleHook(FuzzSeed.class)}) it makes every property of the class draw from the given seed; without
 * one, jqwik chooses and reports its own per property ({@code seed = ...} in the report it prints).
 */
public final class FuzzSeed implements AroundPropertyHook {

    /** The system property naming the seed. */
    public static final String PROPERTY = "fuzz.seed";

    /** The configured seed, or a new random one. */
    public static long seed() {
        return given() != null ? Long.parseLong(given()) : ThreadLocalRandom.current().nextLong();
    }

    private static String given() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Registered on a class, the hook reaches the class's properties (and those of its nested classes). */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        if (given() != null) {
            context.attributes().setSeed(given());
        }
        return property.execute();
    }
}
