package com.leadcast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

/**
 * Which term of a value filter drives its index search ({@link FilterCompiler#selectivity}): Entra matches users by
 * {@code emails[type eq "work"].value eq "x"}, whose first term is true of nearly every element.
 */
class ValueFilterDriverTest {

    private static Attribute emails(String sub) {
        return SchemaRegistry.standard().userType().resolve(null, "emails").orElseThrow().attribute()
                .subAttribute(sub).orElseThrow();
    }

    @Test
    void equalityOfAFreeValueDrivesBeforeACanonicalTypeOrABoolean() {
        int value = FilterCompiler.selectivity(emails("value"), CompareOp.EQ);
        assertEquals(0, value);
        assertTrue(value < FilterCompiler.selectivity(emails("type"), CompareOp.EQ), "type has canonical values");
        assertTrue(value < FilterCompiler.selectivity(emails("primary"), CompareOp.EQ), "primary is a boolean");
    }

    @Test
    void rangesComeAfterEqualityAndContainsComesLast() {
        int prefix = FilterCompiler.selectivity(emails("value"), CompareOp.SW);
        assertTrue(FilterCompiler.selectivity(emails("value"), CompareOp.EQ) < prefix);
        assertTrue(prefix < FilterCompiler.selectivity(emails("type"), CompareOp.EQ));
        assertTrue(FilterCompiler.selectivity(emails("type"), CompareOp.EQ)
                < FilterCompiler.selectivity(emails("value"), CompareOp.CO));
        assertEquals(FilterCompiler.selectivity(emails("value"), CompareOp.EW),
                FilterCompiler.selectivity(emails("display"), CompareOp.CO));
    }
}
