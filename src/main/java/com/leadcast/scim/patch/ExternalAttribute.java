package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.leadcast.scim.filter.Filter;

/**
 * A multi-valued attribute whose values are not kept in the resource document (a group's {@code members}, one row
 * each): the PATCH engine hands operations on it to this receiver instead of editing the document.
 */
public interface ExternalAttribute {

    /** {@code add}: the values join the attribute; values already present are no change. */
    void add(ArrayNode values);

    /** {@code replace}: the attribute holds exactly these values afterwards. */
    void replace(ArrayNode values);

    /** {@code remove} of every value. */
    void removeAll();

    /** {@code remove} of the values matching {@code filter} (a value filter over the sub-attributes). */
    void removeMatching(Filter filter);

    /** {@code remove} with a list of values (as Entra sends it): these values leave the attribute. */
    void removeValues(ArrayNode values);
}
