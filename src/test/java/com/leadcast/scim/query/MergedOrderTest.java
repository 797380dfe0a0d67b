package com.leadcast.scim.query;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.FilterParser;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link MergedOrder#sortedTypes}: which resource types a root {@code sortBy} sorts, and what it refuses. */
class MergedOrderTest {

    private static final List<ResourceType> TYPES = List.of(SchemaRegistry.standard().userType(),
            SchemaRegistry.standard().groupType());

    private static List<Boolean> sorted(String sortBy) {
        AttrPath path = sortBy == null ? null : FilterParser.parsePath(sortBy).attribute();
        return MergedOrder.sortedTypes(TYPES, path);
    }

    @Test
    void attributesOfBothTypesSortBoth() {
        assertEquals(List.of(true, true), sorted("meta.created"));
        assertEquals(List.of(true, true), sorted("META.LASTMODIFIED"));
        assertEquals(List.of(true, true), sorted("displayName"));
        assertEquals(List.of(true, true), sorted("externalId"));
        assertEquals(List.of(true, true), sorted("id"));
    }

    @Test
    void attributesOfOneTypeSortOnlyThatType() {
        assertEquals(List.of(true, false), sorted("userName"));
        assertEquals(List.of(true, false), sorted("name.familyName"));
        assertEquals(List.of(true, false), sorted("emails"));
        assertEquals(List.of(true, false),
                sorted("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"));
        assertEquals(List.of(false, true), sorted("urn:ietf:params:scim:schemas:core:2.0:Group:displayName"));
    }

    @Test
    void withoutSortByNoTypeIsSorted() {
        assertEquals(List.of(false, false), sorted(null));
    }

    @Test
    void anAttributeOfNeitherTypeIsInvalidValue() {
        for (String sortBy : List.of("shoeSize", "name.nickname", "meta.colour")) {
            ScimException e = assertThrows(ScimException.class, () -> sorted(sortBy));
            assertEquals(ScimType.INVALID_VALUE, e.scimType(), sortBy);
        }
    }
}
