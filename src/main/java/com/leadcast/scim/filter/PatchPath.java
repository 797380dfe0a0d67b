package com.leadcast.scim.filter;

import java.util.Objects;

/**
 * The target of a PATCH operation, {@code PATH = attrPath / valuePath [subAttr]}
 * (RFC 7644 §3.5.2, Figure 7). Examples and their parts:
 * <ul>
 *   <li>{@code name.givenName}: attribute {@code name.givenName}, no filter, no subAttr</li>
 *   <li>{@code members[value eq "2819c223"]}: attribute {@code members}, filter {@code value eq "2819c223"}</li>
 *   <li>{@code emails[type eq "work"].value}: attribute {@code emails}, filter {@code type eq "work"},
 *       subAttr {@code value}</li>
 * </ul>
 * When {@code valueFilter} is present, {@code attribute} has no sub-attribute and the filter's attribute
 * paths are sub-attribute names of {@code attribute}. For a bare schema URN see {@link AttrPath}.
 *
 * @param attribute   the targeted attribute
 * @param valueFilter filter selecting elements of a multi-valued attribute, or {@code null}
 * @param subAttr     sub-attribute of the selected elements, or {@code null}
 */
public record PatchPath(AttrPath attribute, Filter valueFilter, String subAttr) {

    /** Validates the combination of parts; throws {@link IllegalArgumentException} if inconsistent. */
    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        if (valueFilter != null) {
            new Filter.ValuePath(attribute, valueFilter); // same rules as a filter valuePath
        } else if (subAttr != null) {
            throw new IllegalArgumentException("Without a value filter put the sub-attribute into the AttrPath");
        }
        if (subAttr != null && !Lexicon.isAttrName(subAttr)) {
            throw new IllegalArgumentException("Invalid sub-attribute name: " + subAttr);
        }
    }

    /** Canonical text, e.g. {@code emails[type eq "work"].value}; see {@link Filter} for the filter part. */
    @Override
    public String toString() {
        String text = attribute.toString();
        if (valueFilter != null) {
            text += "[" + Canonical.unwrapped(valueFilter) + "]";
        }
        return subAttr == null ? text : text + "." + subAttr;
    }
}
