package com.leadcast.scim.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.ScimUrns;
import com.leadcast.scim.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RoleCatalog}: what a catalog may hold, how role values are checked, how it is published. */
class RoleCatalogTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RoleCatalog CATALOG = RoleCatalog.of(List.of(new AppRole("Admin", "Administrator", null),
            new AppRole(" Reader ", null, "Reads")));

    private static ObjectNode tree(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"').replace("`", "\\\""));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String refused(Runnable action) {
        ScimException e = assertThrows(ScimException.class, action::run);
        assertEquals(400, e.status());
        assertEquals(ScimType.INVALID_VALUE, e.scimType());
        return e.detail();
    }

    @Test
    void valuesAreTrimmedAndKeepTheirOrder() {
        assertEquals(List.of(new AppRole("Admin", "Administrator", null), new AppRole("Reader", null, "Reads")),
                CATALOG.roles());
    }

    @Test
    void valuesMustBePresentAndUniqueIgnoringCase() {
        assertTrue(refused(() -> RoleCatalog.of(List.of(new AppRole("Admin", null, null),
                new AppRole("ADMIN", null, null)))).contains("ADMIN"));
        refused(() -> RoleCatalog.of(List.of(new AppRole(" ", null, null))));
        refused(() -> RoleCatalog.of(Arrays.asList(new AppRole("Admin", null, null), null)));
        refused(() -> RoleCatalog.of(List.of(new AppRole("x".repeat(201), null, null))));
        refused(() -> RoleCatalog.of(null));
    }

    @Test
    void aKnownValueIsSpelledAsTheCatalogSpellsIt() {
        ObjectNode user = tree("{'roles':[{'value':'admin','primary':true},{'value':'READER'}]}");

        CATALOG.checkRoles(null, user);

        assertEquals(tree("{'roles':[{'value':'Admin','primary':true},{'value':'Reader'}]}"), user);
    }

    @Test
    void anUnknownValueNamesItselfTheAllowedValuesAndTheFix() {
        String detail = refused(() -> CATALOG.checkRoles(null, tree("{'roles':[{'value':'Owner'}]}")));

        assertTrue(detail.contains("\"Owner\""), detail);
        assertTrue(detail.contains("\"Admin\", \"Reader\""), detail);
        assertTrue(detail.contains("SingleAppRoleAssignment([appRoleAssignments])"), detail);
    }

    @Test
    void entrasDefaultAccessRoleIsNamedAsSuchWithTheFix() {
        for (String value : new String[] {"msiam_access", "Default Access"}) {
            String detail = refused(() -> CATALOG.checkRoles(null, tree("{'roles':[{'value':'" + value + "'}]}")));

            assertTrue(detail.contains("Default Access role"), detail);
            assertTrue(detail.contains("\"Admin\", \"Reader\""), detail);
            assertTrue(detail.contains("Users and groups"), detail);
        }
    }

    @Test
    void aSerialisedObjectOrXmlIsCalledWhatItIs() {
        assertTrue(refused(() -> CATALOG.checkRoles(null, tree("{'roles':[{'value':'{`id`:`1`,`value`:`Admin`}'}]}")))
                .contains("serialised JSON object"));
        assertTrue(refused(() -> CATALOG.checkRoles(null, tree("{'roles':[{'value':'<Role>Admin</Role>'}]}")))
                .contains("XML"));
    }

    @Test
    void aRoleTheUserAlreadyHeldIsKeptEvenWhenTheCatalogNoLongerHasIt() {
        ObjectNode user = tree("{'roles':[{'value':'Agent'},{'value':'admin'}]}");

        CATALOG.checkRoles(tree("{'roles':[{'value':'Agent'}]}"), user);

        assertEquals(tree("{'roles':[{'value':'Agent'},{'value':'Admin'}]}"), user);
    }

    @Test
    void anEmptyCatalogAcceptsAnything() {
        ObjectNode user = tree("{'roles':[{'value':'Agent'},{'value':'{`raw`:1}'}]}");

        RoleCatalog.EMPTY.checkRoles(null, user);

        assertEquals(tree("{'roles':[{'value':'Agent'},{'value':'{`raw`:1}'}]}"), user);
    }

    @Test
    void theUserSchemaIsPublishedWithTheValuesAsCanonicalValuesOfRolesValue() {
        ObjectNode schema = SchemaRegistry.standard().schema(ScimUrns.USER).orElseThrow().representation();

        ObjectNode published = CATALOG.publishedIn(schema);

        JsonNode value = null;
        for (JsonNode attribute : published.path("attributes")) {
            if (attribute.path("name").asText().equals("roles")) {
                for (JsonNode sub : attribute.path("subAttributes")) {
                    if (sub.path("name").asText().equals("value")) {
                        value = sub;
                    }
                }
            }
        }
        assertEquals(MAPPER.createArrayNode().add("Admin").add("Reader"), value.path("canonicalValues"));
        assertFalse(schema.toString().contains("\"Admin\""), "the loaded schema itself stays as loaded");
        assertEquals(schema, RoleCatalog.EMPTY.publishedIn(schema));
    }
}
