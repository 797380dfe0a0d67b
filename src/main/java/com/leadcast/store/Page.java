package com.leadcast.store;

import java.util.List;

/** One page of a query: the total number of matches and the resources of the requested window. */
public record Page<E>(long totalResults, List<E> resources) {
}
