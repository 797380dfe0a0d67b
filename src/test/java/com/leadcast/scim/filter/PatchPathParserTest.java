package com.leadcast.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcast.scim.filter.Filter.And;
import com.leadcast.scim.filter.Filter.Compare;
import com.leadcast.scim.filter.Filter.Present;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatchPathParserTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Compare eq(String name, Object value) {
        return new Compare(AttrPath.of(name), CompareOp.EQ, value);
    }

    private static PathException fails(String path) {
        return assertThrows(PathException.class, () -> FilterParser.parsePath(path));
    }

    @Test
    void simpleAttribute() {
        assertEquals(new PatchPath(AttrPath.of("displayName"), null, null), FilterParser.parsePath("displayName"));
    }

    @Test
    void subAttribute() {
        PatchPath p = FilterParser.parsePath("name.givenName");
        assertEquals(new PatchPath(new AttrPath(null, "name", "givenName"), null, null), p);
        assertEquals("name.givenName", p.toString());
    }

    @Test
    void valueFilter() {
        PatchPath p = FilterParser.parsePath("members[value eq \"2819c223\"]");
        assertEquals(new PatchPath(AttrPath.of("members"), eq("value", "2819c223"), null), p);
        assertEquals("members[value eq \"2819c223\"]", p.toString());
    }

    @Test
    void valueFilterWithSubAttribute() {
        assertEquals(new PatchPath(AttrPath.of("emails"), eq("type", "work"), "value"),
                FilterParser.parsePath("emails[type eq \"work\"].value"));
        assertEquals(new PatchPath(AttrPath.of("addresses"), eq("type", "work"), "locality"),
                FilterParser.parsePath("addresses[type eq \"work\"].locality"));
    }

    @Test
    void entraRolesPathKeepsQuotedTrueAsString() {
        PatchPath p = FilterParser.parsePath("roles[primary eq \"True\"].value");
        assertEquals(new PatchPath(AttrPath.of("roles"), eq("primary", "True"), "value"), p);
    }

    @Test
    void singleValuedComplexAttributeWithFilter() {
        assertEquals(new PatchPath(AttrPath.of("manager"), eq("value", "x"), null),
                FilterParser.parsePath("manager[value eq \"x\"]"));
    }

    @Test
    void urnQualifiedAttribute() {
        PatchPath p = FilterParser.parsePath(ENTERPRISE + ":manager");
        assertEquals(new AttrPath(ENTERPRISE, "manager", null), p.attribute());
        assertEquals(ENTERPRISE + ":manager", p.toString());
    }

    @Test
    void urnQualifiedSubAttributeAndValuePath() {
        assertEquals(new AttrPath(ENTERPRISE, "manager", "value"),
                FilterParser.parsePath(ENTERPRISE + ":manager.value").attribute());
        PatchPath p = FilterParser.parsePath("urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"].value");
        assertEquals(new AttrPath("urn:ietf:params:scim:schemas:core:2.0:User", "emails", null), p.attribute());
        assertEquals("value", p.subAttr());
    }

    @Test
    void bareSchemaUrnIsAmbiguousAndResolvedByFullName() {
        PatchPath p = FilterParser.parsePath(ENTERPRISE);
        assertEquals("urn:ietf:params:scim:schemas:extension:enterprise:2.0", p.attribute().uri());
        assertEquals("User", p.attribute().name());
        assertEquals(ENTERPRISE, p.attribute().fullName());
    }

    @Test
    void complexValueFilter() {
        PatchPath p = FilterParser.parsePath("emails[type eq \"work\" and (primary eq true or display pr)].display");
        assertTrue(p.valueFilter() instanceof And);
        assertEquals("emails[type eq \"work\" and (primary eq true or display pr)].display", p.toString());
        assertEquals(p, FilterParser.parsePath(p.toString()));
    }

    @Test
    void refSubAttributeAndWhitespace() {
        PatchPath p = FilterParser.parsePath("  members[ value eq \"1\" ].$ref  ");
        assertEquals(new PatchPath(AttrPath.of("members"), eq("value", "1"), "$ref"), p);
    }

    @Test
    void noFilterMeansNullParts() {
        PatchPath p = FilterParser.parsePath("active");
        assertNull(p.valueFilter());
        assertNull(p.subAttr());
        assertNull(p.attribute().uri());
    }

    @Test
    void constructorRejectsInconsistentParts() {
        assertThrows(IllegalArgumentException.class, () -> new PatchPath(AttrPath.of("name"), null, "givenName"));
        assertThrows(IllegalArgumentException.class, () -> new PatchPath(new AttrPath(null, "name", "x"),
                new Present(AttrPath.of("a")), null));
        assertThrows(NullPointerException.class, () -> new PatchPath(null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void emptyPath(String path) {
        PathException e = fails(path);
        assertEquals("PATCH path is empty; expected an attribute path such as name.givenName or "
                + "emails[type eq \"work\"].value", e.getMessage());
        assertEquals("invalidPath", e.scimType());
    }

    @Test
    void nullAndTooLongPaths() {
        assertEquals("PATCH path is missing", fails(null).getMessage());
        assertEquals("PATCH path is 8193 characters long; the maximum is 8192",
                fails("a".repeat(8193)).getMessage());
    }

    @Test
    void trailingGarbage() {
        PathException e = fails("name.givenName extra");
        assertEquals("Expected '[' or end of path at position 15, found 'extra'", e.getMessage());
        assertEquals(15, e.position());
        assertEquals("invalidPath", e.scimType());
        assertEquals("Expected '.' and a sub-attribute name, or end of path at position 22, found 'value'",
                fails("emails[type eq \"work\"]value").getMessage());
        assertEquals("Expected end of path at position 28, found '['",
                fails("emails[type eq \"work\"].value[x eq 1]").getMessage());
        assertTrue(fails("name.givenName eq \"x\"").getMessage().contains("found 'eq'"));
    }

    @Test
    void invalidAttributePaths() {
        assertEquals("Invalid attribute path 'a.b.c' at position 0: only one sub-attribute is allowed, as in name.givenName",
                fails("a.b.c").getMessage());
        assertTrue(fails("emails[type eq \"work\"].").getMessage().contains("expected a sub-attribute name after '.'"));
        assertTrue(fails("emails[type eq \"work\"].value.display").getMessage()
                .contains("only one sub-attribute may follow ']'"));
        assertTrue(fails("first name").getMessage().startsWith("Expected '[' or end of path at position 6"));
        assertTrue(fails("[type eq \"work\"]").getMessage().startsWith("Expected an attribute name at position 0, found '['"));
        assertTrue(fails("name.givenName[value eq \"x\"]").getMessage().contains("not the sub-attribute 'name.givenName'"));
    }

    @Test
    void errorsInsideTheValueFilterAreInvalidFilter() {
        PathException e = fails("emails[type equals \"work\"].value");
        assertEquals("Expected a comparison operator after 'type' at position 12, found 'equals'; "
                + "use one of eq, ne, co, sw, ew, gt, ge, lt, le or pr", e.getMessage());
        assertTrue(e.inValueFilter());
        assertEquals("invalidFilter", e.scimType());
        assertEquals("invalidFilter", fails("emails[type eq \"work]").scimType());
        assertFalse(fails("emails.").inValueFilter());
    }

    @Test
    void unbalancedAndNestedBrackets() {
        assertEquals("Expected 'and', 'or' or ']' at position 21 to close the '[' at position 6, found end of input",
                fails("emails[type eq \"work\"").getMessage());
        assertTrue(fails("emails[]").getMessage().contains("found ']'"));
        assertTrue(fails("emails]").getMessage().startsWith("Expected '[' or end of path at position 6, found ']'"));
        assertTrue(fails("emails[x[y eq 1]]").getMessage().contains("cannot contain another '[...]'"));
    }

    @Test
    void tooDeep() {
        String deep = "emails[" + "(".repeat(50) + "type pr" + ")".repeat(50) + "]";
        assertTrue(fails(deep).getMessage().startsWith("PATCH path nests deeper than 50 levels"));
        FilterParser.parsePath("emails[" + "(".repeat(49) + "type pr" + ")".repeat(49) + "]");
    }
}
