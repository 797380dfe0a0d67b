package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.leadcast.scim.filter.Filter;

/**
 * A multi-valued attribute whose values are not kept in the resource document (a group's {@code members}, one row
 * each): the PATCH engine hands operations on it to this receiver instead of editing the document. A receiver checks
 * each operation when it receives it and refuses it with a {@link com.leadcast.scim.ScimException}, but changes
 * nothing before the whole PATCH has been checked, which keeps a PATCH atomic.
 */
public interface ExternalAttribute {

    /** {@code add}: the values join the attribute; values already present are no change. */
    void add(ArrayNode values);

    /** {@code replace}: the attribute holds exactly these values afterwards. */
    void replace(ArrayNode values);

    /** {@code remove} of every value. */
    void removeAll();

    /**
     * {@code remove} of the values matching {@code filter}, a value filter over the sub-attributes such as the
     * {@code type eq "Group"} of {@code members[type eq "Group"]}. A filter that matches no value removes nothing and
     * is no error (RFC 7644 §3.5.2.2); one naming a sub-attribute that cannot be compared is {@code invalidFilter}.
     */
    void removeMatching(Filter filter);

    /** {@code remove} with a list of values (as Entra sends it): these values leave the attribute. */
    void removeValues(ArrayNode values);
}
