package com.leadcast.scim.query;

import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.schema.ResourceType;

import java.util.List;

/**
 * The resource types a query searches besides the one its filter is applied to. {@code POST /.search} at the
 * server root searches Users and Groups together, and RFC 7644 §3.4.2 requires that "filters MUST be able to be
 * applied to each resource type": an attribute path that one type does not define but another searched type does
 * names an attribute that is simply not present on the first type's resources. So at the root
 * {@code displayName ew "2" or userName eq "x"} finds the groups whose displayName ends in 2, and
 * {@code not (userName pr)} finds every group. A query of one type's own endpoint searches no other type
 * ({@link #NONE}): there an attribute the type does not define is {@code 400 invalidFilter}, as is, everywhere, an
 * attribute that no searched type defines.
 */
public record OtherResourceTypes(List<ResourceType> types) {

    /** A query of one resource type alone. */
    public static final OtherResourceTypes NONE = new OtherResourceTypes(List.of());

    public OtherResourceTypes {
        types = List.copyOf(types);
    }

    /** Whether one of the types defines {@code path}: its attribute and, if it names one, its sub-attribute. */
    public boolean define(AttrPath path) {
        return types.stream().anyMatch(t -> t.defines(path.uri(), path.name(), path.subAttr()));
    }
}
