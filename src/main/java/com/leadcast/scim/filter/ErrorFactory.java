package com.leadcast.scim.filter;

/** Creates the exception type that fits the current input (filter or PATCH path). */
@FunctionalInterface
interface ErrorFactory {
    FilterException at(String message, int position);
}
