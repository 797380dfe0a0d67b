package com.leadcast.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadcast.scim.filter.Filter.And;
import com.leadcast.scim.filter.Filter.Compare;
import com.leadcast.scim.filter.Filter.Not;
import com.leadcast.scim.filter.Filter.Or;
import com.leadcast.scim.filter.Filter.Present;
import com.leadcast.scim.filter.Filter.ValuePath;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Compare cmp(String name, CompareOp op, Object value) {
        return new Compare(AttrPath.of(name), op, value);
    }

    private static Object valueOf(String filter) {
        return ((Compare) FilterParser.parse(filter)).value();
    }

    private static FilterException fails(String filter) {
        FilterException e = assertThrows(FilterException.class, () -> FilterParser.parse(filter));
        assertEquals("invalidFilter", e.scimType());
        return e;
    }

    @Nested
    class Operators {
        @ParameterizedTest
        @EnumSource(value = CompareOp.class, names = "PR", mode = EnumSource.Mode.EXCLUDE)
        void everyComparisonOperator(CompareOp op) {
            Filter f = FilterParser.parse("userName " + op.keyword() + " \"bjensen\"");
            assertEquals(cmp("userName", op, "bjensen"), f);
            assertEquals("userName " + op.keyword() + " \"bjensen\"", f.toString());
        }

        @Test
        void present() {
            assertEquals(new Present(AttrPath.of("title")), FilterParser.parse("title pr"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"userName EQ \"x\"", "userName Eq \"x\"", "userName eQ \"x\""})
        void operatorKeywordsIgnoreCase(String filter) {
            assertEquals(cmp("userName", CompareOp.EQ, "x"), FilterParser.parse(filter));
        }

        @Test
        void allKeywordsIgnoreCase() {
            Filter f = FilterParser.parse("NOT (a PR) AND b Gt TRUE Or c lE NuLl oR d ne False");
            assertEquals("((not (a pr) and b gt true) or c le null or d ne false)", f.toString());
        }
    }

    @Nested
    class Precedence {
        @Test
        void andBindsTighterThanOr_scimpleBugCase() {
            Filter f = FilterParser.parse("a eq 1 or b eq 2 and c eq 3");
            assertEquals(new Or(cmp("a", CompareOp.EQ, 1L),
                    new And(cmp("b", CompareOp.EQ, 2L), cmp("c", CompareOp.EQ, 3L))), f);
            assertEquals("(a eq 1 or (b eq 2 and c eq 3))", f.toString());
        }

        @Test
        void andBeforeOrOnTheLeft() {
            assertEquals("((a eq 1 and b eq 2) or c eq 3)",
                    FilterParser.parse("a eq 1 and b eq 2 or c eq 3").toString());
        }

        @Test
        void notBindsTighterThanAnd() {
            Filter f = FilterParser.parse("not (a pr) and b pr or c pr");
            assertEquals(new Or(new And(new Not(new Present(AttrPath.of("a"))), new Present(AttrPath.of("b"))),
                    new Present(AttrPath.of("c"))), f);
        }

        @Test
        void chainsOfOneOperatorAreOneFlatNode() {
            Present a = new Present(AttrPath.of("a"));
            Present b = new Present(AttrPath.of("b"));
            Present c = new Present(AttrPath.of("c"));
            Filter or = FilterParser.parse("a pr or b pr or c pr");
            assertEquals(new Or(List.of(a, b, c)), or);
            assertEquals("(a pr or b pr or c pr)", or.toString());
            Filter and = FilterParser.parse("a pr and b pr and c pr");
            assertEquals(List.of(a, b, c), ((And) and).filters());
            assertEquals("(a pr and b pr and c pr)", and.toString());
        }

        @Test
        void nestedGroupsOfTheSameOperatorMerge() {
            Filter f = FilterParser.parse("a pr or (b pr or (c pr or d pr))");
            assertEquals(4, ((Or) f).filters().size());
            assertEquals("(a pr or b pr or c pr or d pr)", f.toString());
            assertEquals(new Or(new Or(new Present(AttrPath.of("a")), new Present(AttrPath.of("b"))),
                    new Present(AttrPath.of("c"))), FilterParser.parse("(a pr or b pr) or c pr"));
        }

        @Test
        void parenthesesOverridePrecedence() {
            Filter f = FilterParser.parse("(a eq 1 or b eq 2) and c eq 3");
            assertEquals(new And(new Or(cmp("a", CompareOp.EQ, 1L), cmp("b", CompareOp.EQ, 2L)),
                    cmp("c", CompareOp.EQ, 3L)), f);
            assertEquals("((a eq 1 or b eq 2) and c eq 3)", f.toString());
        }

        @Test
        void redundantParenthesesDisappear() {
            assertEquals(cmp("a", CompareOp.EQ, 1L), FilterParser.parse("((( a eq 1 )))"));
        }
    }

    @Nested
    class NotOperator {
        @Test
        void notWithSpaceAndWithoutSpace() {
            Filter expected = new Not(cmp("userType", CompareOp.EQ, "Intern"));
            assertEquals(expected, FilterParser.parse("not (userType eq \"Intern\")"));
            assertEquals(expected, FilterParser.parse("not(userType eq \"Intern\")"));
            assertEquals("not (userType eq \"Intern\")", expected.toString());
        }

        @Test
        void notOverLogicalExpressionRendersOneParenthesisPair() {
            Filter f = FilterParser.parse("userType ne \"Employee\" and not (emails co \"example.com\" or "
                    + "emails.value co \"example.org\")");
            assertEquals("(userType ne \"Employee\" and not (emails co \"example.com\" or "
                    + "emails.value co \"example.org\"))", f.toString());
        }

        @Test
        void doubleNot() {
            assertEquals(new Not(new Not(new Present(AttrPath.of("a")))), FilterParser.parse("not (not (a pr))"));
        }

        @Test
        void attributeNamedNotIsStillAComparison() {
            assertEquals(cmp("not", CompareOp.EQ, 1L), FilterParser.parse("not eq 1"));
        }
    }

    @Nested
    class Values {
        @Test
        void stringWithAllEscapes() {
            assertEquals("q\"b\\s/b\bf\fn\nr\rt\té€", valueOf("a eq \"q\\\"b\\\\s\\/b\\bf\\fn\\nr\\rt\\t\\u00e9\\u20AC\""));
        }

        @Test
        void stringEscapesRoundTrip() {
            Filter f = FilterParser.parse("a eq \"say \\\"hi\\\"\\n\\\\ \\/ \\u0001\"");
            assertEquals("a eq \"say \\\"hi\\\"\\n\\\\ / \\u0001\"", f.toString());
            assertEquals(f, FilterParser.parse(f.toString()));
        }

        @Test
        void emptyStringAndUnicode() {
            assertEquals("", valueOf("a eq \"\""));
            assertEquals("Zoë 😀", valueOf("a eq \"Zoë \\ud83d\\ude00\""));
        }

        @Test
        void escapesThatDecodeToUnstorableTextAreRefused() {
            for (String filter : List.of("a eq \"x\\u0000\"", "a eq \"\\ud800\"", "a eq \"\\ude00x\"",
                    "emails[value eq \"\\u0000\"]")) {
                assertTrue(fails(filter).getMessage().contains("does not store"), filter);
            }
        }

        @Test
        void booleansAndNullIgnoreCase() {
            assertEquals(Boolean.TRUE, valueOf("active eq true"));
            assertEquals(Boolean.TRUE, valueOf("active eq TRUE"));
            assertEquals(Boolean.FALSE, valueOf("active eq False"));
            assertNull(valueOf("manager eq null"));
            assertNull(valueOf("manager eq NULL"));
            assertEquals("manager eq null", FilterParser.parse("manager eq NULL").toString());
        }

        @Test
        void integersAreLongs() {
            assertEquals(42L, valueOf("age gt 42"));
            assertEquals(-7L, valueOf("age lt -7"));
            assertEquals(0L, valueOf("age eq 0"));
            assertEquals(Long.MAX_VALUE, valueOf("n eq 9223372036854775807"));
        }

        @Test
        void hugeIntegersAreBigDecimals() {
            assertEquals(new BigDecimal("9223372036854775808"), valueOf("n eq 9223372036854775808"));
        }

        @Test
        void decimalsAndExponentsAreBigDecimals() {
            assertEquals(new BigDecimal("3.14"), valueOf("n eq 3.14"));
            assertEquals(new BigDecimal("-0.5"), valueOf("n eq -0.5"));
            assertEquals(new BigDecimal("1e3"), valueOf("n eq 1e3"));
            assertEquals(new BigDecimal("2.5E-3"), valueOf("n eq 2.5E-3"));
            assertEquals(new BigDecimal("-1E+2"), valueOf("n eq -1E+2"));
        }

        @Test
        void anExponentIntegerWithoutScaleIsALongAndRoundTrips() {
            // found by FilterParserPropertyTest (seed 6039350108397986017): 1E+0 printed as 1, which parsed as a Long
            assertEquals(1L, valueOf("n ge 1E+0"));
            assertEquals(-7L, valueOf("n ge -7E+0"));
            assertEquals(new BigDecimal("1.0"), valueOf("n ge 10E-1"));
            for (String text : List.of("n ge 1E+0", "n ge 0e0", "n ge 10E-1", "n ge 9223372036854775808E+0")) {
                Filter f = FilterParser.parse(text);
                assertEquals(f, FilterParser.parse(f.toString()), text);
            }
        }

        @Test
        void numbersRoundTrip() {
            assertEquals("(a eq 1.50 and b eq 1E+3)", FilterParser.parse("a eq 1.50 and b eq 1e3").toString());
            Filter f = FilterParser.parse("a eq 1e3");
            assertEquals(f, FilterParser.parse(f.toString()));
        }

        @Test
        void quotedKeywordsAndNumbersStayStrings() {
            assertEquals("true", valueOf("a eq \"true\""));
            assertEquals("42", valueOf("a eq \"42\""));
        }
    }

    @Nested
    class Lenience {
        @Test
        void unquotedWordIsAString() {
            assertEquals(cmp("externalId", CompareOp.EQ, "jyoung"), FilterParser.parse("externalId eq jyoung"));
            assertEquals("externalId eq \"jyoung\"", FilterParser.parse("externalId eq jyoung").toString());
        }

        @Test
        void unquotedWordMayContainPunctuation() {
            assertEquals("bjensen@example.com", valueOf("userName eq bjensen@example.com"));
            assertEquals("0123", valueOf("postalCode eq 0123"));
        }

        @Test
        void unquotedWordInsideLogicalExpression() {
            assertEquals("((a eq \"x\" and b eq \"y\") or c eq 1)",
                    FilterParser.parse("(a eq x and b eq y) or c eq 1").toString());
        }

        @Test
        void arbitraryWhitespace() {
            assertEquals(new And(cmp("a", CompareOp.EQ, "x"), new Present(AttrPath.of("b"))),
                    FilterParser.parse("  \t( a\neq   \"x\" )\r\nand\tb  pr  "));
        }
    }

    @Nested
    class AttributePaths {
        @Test
        void urnQualifiedAttribute() {
            Compare c = (Compare) FilterParser.parse(ENTERPRISE + ":employeeNumber eq \"701984\"");
            assertEquals(new AttrPath(ENTERPRISE, "employeeNumber", null), c.path());
            assertEquals(ENTERPRISE + ":employeeNumber", c.path().toString());
        }

        @Test
        void urnQualifiedSubAttribute() {
            Compare c = (Compare) FilterParser.parse(ENTERPRISE + ":manager.value eq \"26118915-6090\"");
            assertEquals(new AttrPath(ENTERPRISE, "manager", "value"), c.path());
            assertEquals(ENTERPRISE + ":manager", c.path().fullName());
            assertEquals(ENTERPRISE + ":manager.value", c.path().toString());
        }

        @Test
        void coreSchemaUrn() {
            Compare c = (Compare) FilterParser.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"");
            assertEquals(new AttrPath("urn:ietf:params:scim:schemas:core:2.0:User", "userName", null), c.path());
        }

        @Test
        void subAttribute() {
            assertEquals(new Compare(new AttrPath(null, "name", "familyName"), CompareOp.CO, "O'Malley"),
                    FilterParser.parse("name.familyName co \"O'Malley\""));
        }

        @Test
        void refAndNameCharacters() {
            assertEquals(new AttrPath(null, "members", "$ref"),
                    ((Present) FilterParser.parse("members.$ref pr")).path());
            assertEquals(AttrPath.of("$ref"), ((Present) FilterParser.parse("$ref pr")).path());
            assertEquals(AttrPath.of("x_1-a$b"), ((Present) FilterParser.parse("x_1-a$b pr")).path());
        }
    }

    @Nested
    class ValuePaths {
        @Test
        void valuePathWithAnd() {
            Filter f = FilterParser.parse("emails[type eq \"work\" and value co \"@example.com\"]");
            assertEquals(new ValuePath(AttrPath.of("emails"),
                    new And(cmp("type", CompareOp.EQ, "work"), cmp("value", CompareOp.CO, "@example.com"))), f);
            assertEquals("emails[type eq \"work\" and value co \"@example.com\"]", f.toString());
        }

        @Test
        void valuePathWithOrNotParenthesesAndPresent() {
            Filter f = FilterParser.parse("emails[not (type eq \"home\") and (primary eq true or display pr)]");
            assertEquals("emails[not (type eq \"home\") and (primary eq true or display pr)]", f.toString());
            ValuePath vp = (ValuePath) f;
            assertTrue(vp.filter() instanceof And);
        }

        @Test
        void valuePathsCombinedWithLogicalOperators() {
            Filter f = FilterParser.parse("userType eq \"Employee\" and emails[type eq \"work\"] or "
                    + "ims[type eq \"xmpp\" and value co \"@foo.com\"]");
            assertTrue(f instanceof Or);
            assertEquals("((userType eq \"Employee\" and emails[type eq \"work\"]) or "
                    + "ims[type eq \"xmpp\" and value co \"@foo.com\"])", f.toString());
        }

        @Test
        void urnQualifiedValuePath() {
            ValuePath vp = (ValuePath) FilterParser.parse(
                    "urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"]");
            assertEquals(new AttrPath("urn:ietf:params:scim:schemas:core:2.0:User", "emails", null), vp.attribute());
        }

        @Test
        void entraFormFoldsTheSubAttributeIntoTheBracketFilter() {
            Filter f = FilterParser.parse("emails[type eq \"work\"].value eq \"alice@contoso.com\"");
            assertEquals(new ValuePath(AttrPath.of("emails"), new And(cmp("type", CompareOp.EQ, "work"),
                    cmp("value", CompareOp.EQ, "alice@contoso.com"))), f);
            assertEquals("emails[type eq \"work\" and value eq \"alice@contoso.com\"]", f.toString());
        }

        @Test
        void entraFormWithOrInsideBracketsKeepsGrouping() {
            Filter f = FilterParser.parse("emails[type eq \"work\" or type eq \"home\"].value pr and active eq true");
            assertEquals("(emails[(type eq \"work\" or type eq \"home\") and value pr] and active eq true)",
                    f.toString());
        }
    }

    /** Precedence and malformed input the sections above leave out: inside brackets, mixed operators, limits. */
    @Nested
    class PrecedenceAndLimitsInDepth {
        private final Present a = new Present(AttrPath.of("a"));
        private final Present b = new Present(AttrPath.of("b"));
        private final Present c = new Present(AttrPath.of("c"));
        private final Present d = new Present(AttrPath.of("d"));

        @Test
        void andGroupsOnBothSidesOfOr() {
            assertEquals(new Or(new And(a, b), new And(c, d)), FilterParser.parse("a pr and b pr or c pr and d pr"));
        }

        @Test
        void notBindsToTheNextGroupOnly() {
            assertEquals(new Or(a, new And(new Not(b), c)), FilterParser.parse("a pr or not (b pr) and c pr"));
            assertEquals(new And(new Not(new Or(a, b)), c), FilterParser.parse("not (a pr or b pr) and c pr"));
        }

        @Test
        void andBindsTighterThanOrInsideBrackets() {
            Filter f = FilterParser.parse("emails[type eq \"work\" or type eq \"home\" and primary eq true]");
            assertEquals(new ValuePath(AttrPath.of("emails"), new Or(cmp("type", CompareOp.EQ, "work"),
                    new And(cmp("type", CompareOp.EQ, "home"), cmp("primary", CompareOp.EQ, true)))), f);
        }

        @Test
        void notInsideBracketsBindsTighterThanAnd() {
            Filter f = FilterParser.parse("emails[not (type eq \"work\") and value pr]");
            assertEquals(new ValuePath(AttrPath.of("emails"), new And(new Not(cmp("type", CompareOp.EQ, "work")),
                    new Present(AttrPath.of("value")))), f);
        }

        @Test
        void entraFormAfterAnAndFilterAppendsTheComparison() {
            Filter f = FilterParser.parse("emails[type eq \"work\" and primary eq true].value eq \"x\"");
            assertEquals(new ValuePath(AttrPath.of("emails"), new And(cmp("type", CompareOp.EQ, "work"),
                    cmp("primary", CompareOp.EQ, true), cmp("value", CompareOp.EQ, "x"))), f);
        }

        @Test
        void aValuePathIsOneOperandOfTheLogicalOperators() {
            Filter f = FilterParser.parse("not (emails[type eq \"work\"]) or a pr and emails[value pr]");
            assertEquals(new Or(new Not(new ValuePath(AttrPath.of("emails"), cmp("type", CompareOp.EQ, "work"))),
                    new And(a, new ValuePath(AttrPath.of("emails"), new Present(AttrPath.of("value"))))), f);
        }

        @ParameterizedTest
        @ValueSource(strings = {"not", "not ()", "not not (a pr)", "a pr and and b pr", "a pr or or b pr",
                "and a pr", "(a pr", "(a pr))", "a pr pr", "a eq (1)", "a eq \"x\" \"y\"", "a eq 1 2",
                "emails[type pr", "emails[type pr]]", "emails[]", "emails[type pr].", "emails[type pr].value",
                "[type pr]", "a eq", "eq 1", "a ne pr", "a pr and", "a pr )", "a eq \"\\x\"", "a eq tru e"})
        void malformedFiltersAreInvalidFilter(String text) {
            FilterException e = fails(text);
            assertTrue(e.position() >= 0 && e.position() <= text.length(), () -> text + " -> " + e.position());
            assertTrue(e.getMessage().length() > 20, e::getMessage);
        }

        @Test
        void lengthIsCheckedBeforeAnythingElse() {
            String deepAndLong = "(".repeat(FilterParser.MAX_LENGTH + 1);
            assertEquals("Filter is 8193 characters long; the maximum is 8192", fails(deepAndLong).getMessage());
            PathException e = assertThrows(PathException.class,
                    () -> FilterParser.parsePath("a".repeat(FilterParser.MAX_LENGTH + 1)));
            assertTrue(e.getMessage().startsWith("PATCH path is 8193 characters long"), e::getMessage);
        }

        @Test
        void bracketsAndNotCountTowardsTheDepthLimit() {
            String fifty = "not (".repeat(49) + "emails[value pr]" + ")".repeat(49);
            assertTrue(FilterParser.parse(fifty) instanceof Not);
            FilterException e = fails("not (".repeat(50) + "emails[value pr]" + ")".repeat(50));
            assertEquals(256, e.position(), e::getMessage); // the bracket, 51st level, after 50 times "not ("
        }

        @Test
        void depthIsNestingNotCount() {
            String siblings = String.join(" and ", Collections.nCopies(500, "(a pr)"));
            assertEquals(500, ((And) FilterParser.parse(siblings)).filters().size());
        }
    }

    @Nested
    class RoundTrips {
        @ParameterizedTest
        @ValueSource(strings = {
            "userName eq \"bjensen\"",
            "name.familyName co \"O'Malley\"",
            "userName sw \"J\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
            "title pr",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
            "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
            "meta.lastModified lt \"2011-05-13T04:42:34Z\"",
            "meta.lastModified le \"2011-05-13T04:42:34Z\"",
            "title pr and userType eq \"Employee\"",
            "title pr or userType eq \"Intern\"",
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType eq \"Employee\" and (emails.type eq \"work\")",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
            "members[value eq \"2819c223\"] and not (displayName ew \"Admins\") and x eq -1.5e-7",
            "emails[type eq \"work\"].value eq \"alice@contoso.com\""
        })
        void rfcAndEntraExamplesRoundTrip(String text) {
            Filter f = FilterParser.parse(text);
            assertEquals(f, FilterParser.parse(f.toString()));
            assertEquals(f.toString(), FilterParser.parse(f.toString()).toString());
        }
    }

    @Test
    void visitorDispatchesToEveryNodeType() {
        Filter.Visitor<Integer> count = new Filter.Visitor<>() {
            public Integer visitAnd(And and) {
                return 1 + and.filters().stream().mapToInt(f -> f.accept(this)).sum();
            }

            public Integer visitOr(Or or) {
                return 1 + or.filters().stream().mapToInt(f -> f.accept(this)).sum();
            }

            public Integer visitNot(Not not) {
                return 1 + not.filter().accept(this);
            }

            public Integer visitCompare(Compare compare) {
                return 1;
            }

            public Integer visitPresent(Present present) {
                return 1;
            }

            public Integer visitValuePath(ValuePath valuePath) {
                return 1 + valuePath.filter().accept(this);
            }
        };
        Filter f = FilterParser.parse("a pr or not (b eq 1) and emails[type eq \"work\"]");
        assertEquals(7, f.accept(count));
    }

    @Test
    void astConstructorsRejectInvalidTrees() {
        AttrPath emails = AttrPath.of("emails");
        assertThrows(IllegalArgumentException.class, () -> new Compare(emails, CompareOp.PR, null));
        assertThrows(IllegalArgumentException.class, () -> new Compare(emails, CompareOp.EQ, 1));
        assertThrows(IllegalArgumentException.class, () -> new ValuePath(emails, new ValuePath(emails, new Present(emails))));
        assertThrows(IllegalArgumentException.class, () -> new ValuePath(emails, new Present(new AttrPath(null, "a", "b"))));
        assertThrows(IllegalArgumentException.class, () -> new AttrPath(null, "1abc", null));
        assertThrows(NullPointerException.class, () -> new And(null, new Present(emails)));
        assertThrows(IllegalArgumentException.class, () -> new Or(List.of(new Present(emails))));
        assertThrows(UnsupportedOperationException.class,
                () -> new And(new Present(emails), new Present(emails)).filters().clear());
    }

    @Nested
    class Errors {
        @Test
        void missingOperator() {
            FilterException e = fails("userName equals \"bjensen\"");
            assertEquals("Expected a comparison operator after 'userName' at position 9, found 'equals'; "
                    + "use one of eq, ne, co, sw, ew, gt, ge, lt, le or pr", e.getMessage());
            assertEquals(9, e.position());
        }

        @Test
        void missingOperatorAtEnd() {
            assertEquals("Expected a comparison operator after 'name.givenName' at position 14, found end of input; "
                    + "use one of eq, ne, co, sw, ew, gt, ge, lt, le or pr", fails("name.givenName").getMessage());
        }

        @Test
        void missingValue() {
            FilterException e = fails("userName eq");
            assertEquals("Expected a value after 'userName eq' at position 11, found end of input; "
                    + "use a \"quoted string\", a number, true, false or null", e.getMessage());
            assertTrue(fails("userName eq and title pr").getMessage()
                    .startsWith("Expected a value after 'userName eq' at position 12, found 'and'"));
            assertTrue(fails("(userName eq)").getMessage()
                    .startsWith("Expected a value after 'userName eq' at position 12, found ')'"));
        }

        @Test
        void unterminatedString() {
            FilterException e = fails("userName eq \"bjensen");
            assertEquals("Unterminated string starting at position 12; add the closing '\"'", e.getMessage());
            assertEquals(12, e.position());
            assertEquals(12, fails("userName eq \"bjensen\\\"").position());
        }

        @Test
        void invalidEscapes() {
            assertTrue(fails("a eq \"x\\qy\"").getMessage().startsWith("Invalid escape '\\q' at position 7"));
            assertTrue(fails("a eq \"\\u12G4\"").getMessage()
                    .startsWith("Invalid unicode escape '\\u12G4' at position 6; \\u must be followed by four"));
            assertTrue(fails("a eq \"\\u12").getMessage().startsWith("Invalid unicode escape '\\u12'"));
        }

        @Test
        void unbalancedParentheses() {
            assertEquals("Expected 'and', 'or' or ')' at position 19 to close the '(' at position 0, found end of input",
                    fails("(a eq 1 or (b eq 2)").getMessage());
            assertEquals("Unexpected ')' at position 7: there is no matching '('", fails("a eq 1 ) and b pr").getMessage());
            assertTrue(fails("()").getMessage()
                    .startsWith("Expected an attribute name, '(' or 'not' after '(' at position 1, found ')'"));
        }

        @Test
        void unbalancedBrackets() {
            assertEquals("Expected 'and', 'or' or ']' at position 21 to close the '[' at position 6, found end of input",
                    fails("emails[type eq \"work\"").getMessage());
            assertEquals("Unexpected ']' at position 9: there is no matching '['", fails("emails pr]").getMessage());
            assertTrue(fails("emails[type eq \"work\")").getMessage().contains("found ')'"));
            assertTrue(fails("emails[]").getMessage()
                    .startsWith("Expected an attribute name, '(' or 'not' after '[' at position 7, found ']'"));
        }

        @Test
        void nestedBrackets() {
            FilterException e = fails("emails[type eq \"work\" and x[y eq 1]]");
            assertEquals("Unexpected '[' at position 27: a filter inside '[...]' cannot contain another '[...]' "
                    + "(the '[' at position 6 is still open)", e.getMessage());
        }

        @Test
        void pathsInsideBracketsMustBeSubAttributeNames() {
            assertTrue(fails("emails[name.x eq 1]").getMessage().contains("inside '[...]' use only sub-attribute names"));
            assertTrue(fails("name.givenName[x pr]").getMessage().contains("not the sub-attribute 'name.givenName'"));
        }

        @Test
        void trailingGarbage() {
            assertEquals("Expected 'and', 'or' or end of filter at position 16, found 'xyz'",
                    fails("userName eq \"a\" xyz").getMessage());
            assertEquals("Expected 'and', 'or' or end of filter at position 9, found '\"b\"'",
                    fails("title pr \"b\"").getMessage());
            assertTrue(fails("emails[type eq \"work\"] eq \"x\"").getMessage()
                    .startsWith("Expected 'and', 'or' or end of filter at position 23, found 'eq'"));
        }

        @Test
        void unquotedValueWithSpacesGetsAHint() {
            assertEquals("Expected 'and', 'or' or end of filter at position 20, found 'Jensen'; enclose a value that "
                    + "contains spaces in double quotes, e.g. \"Babs Jensen\"", fails("displayName eq Babs Jensen").getMessage());
        }

        @Test
        void danglingLogicalOperator() {
            assertEquals("Expected an attribute name, '(' or 'not' after 'and' at position 10, found end of input",
                    fails("a eq 1 and").getMessage());
            assertTrue(fails("or a pr").getMessage().startsWith("Expected an attribute name, '(' or 'not' at position 0"));
        }

        @Test
        void notRequiresParentheses() {
            assertEquals("Expected '(' after 'not' at position 4, found 'a'; write not (expression)",
                    fails("not a pr").getMessage());
        }

        @Test
        void invalidAttributeNames() {
            assertEquals("Invalid attribute path '1abc' at position 0: an attribute name must start with a letter, found '1'",
                    fails("1abc eq 1").getMessage());
            assertTrue(fails("user#name eq 1").getMessage().contains("character '#' is not allowed in an attribute name"));
            assertTrue(fails("a.b.c pr").getMessage().contains("only one sub-attribute is allowed"));
            assertTrue(fails("urn:x: pr").getMessage().contains("expected an attribute name after the last ':'"));
            assertTrue(fails(":name pr").getMessage().contains("a schema URI"));
            assertTrue(fails("name. pr").getMessage().contains("expected a sub-attribute name after '.'"));
            assertTrue(fails("emails[type eq \"work\"].1x eq 1").getMessage().contains("must start with a letter"));
            assertTrue(fails("\"userName\" eq 1").getMessage()
                    .startsWith("Expected an attribute name, '(' or 'not' at position 0, found '\"userName\"'"));
        }

        @Test
        void entraFormWithoutOperator() {
            assertTrue(fails("emails[type eq \"work\"].value").getMessage()
                    .startsWith("Expected a comparison operator after 'emails[type eq \"work\"].value' at position 28"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\t\n"})
        void emptyFilter(String text) {
            assertEquals("Filter is empty; expected an expression such as userName eq \"bjensen\"", fails(text).getMessage());
        }

        @Test
        void nullFilter() {
            assertEquals("Filter is missing", fails(null).getMessage());
        }

        @Test
        void tooLong() {
            String ok = "a eq \"" + "x".repeat(FilterParser.MAX_LENGTH - 7) + "\"";
            assertEquals(FilterParser.MAX_LENGTH, ok.length());
            FilterParser.parse(ok);
            assertEquals("Filter is 8193 characters long; the maximum is 8192", fails(ok + " ").getMessage());
        }

        @Test
        void tooDeep() {
            String fifty = "(".repeat(50) + "a pr" + ")".repeat(50);
            assertEquals(new Present(AttrPath.of("a")), FilterParser.parse(fifty));
            FilterException e = fails("(".repeat(51) + "a pr" + ")".repeat(51));
            assertEquals("Filter nests deeper than 50 levels of parentheses and brackets at position 50; simplify it",
                    e.getMessage());
            assertTrue(fails("not (".repeat(49) + "emails[not (a pr)]" + ")".repeat(49)).getMessage()
                    .startsWith("Filter nests deeper than 50 levels"));
        }

        @Test
        void longChainsStayFlatAndDoNotOverflowTheStack() {
            String chain = String.join(" or ", Collections.nCopies(1000, "a pr"));
            Filter f = FilterParser.parse(chain);
            assertEquals(1000, ((Or) f).filters().size());
            assertEquals("(" + chain + ")", f.toString());
            assertEquals(f, FilterParser.parse(f.toString()));
            assertEquals(f.hashCode(), FilterParser.parse(chain).hashCode());
        }

        @Test
        void deepestAllowedTreeIsSafeForRecursiveConsumers() {
            String deep = "not (a pr and (b pr or ".repeat(23) + "emails[not (x pr and (y pr or z pr))]"
                    + "))".repeat(23); // exactly 50 levels
            Filter f = FilterParser.parse(deep);
            assertEquals(f, FilterParser.parse(f.toString()));
            assertEquals(f.hashCode(), FilterParser.parse(deep).hashCode());
        }

        @Test
        void exponentOutOfRange() {
            assertTrue(fails("a eq 1e99999999999").getMessage().contains("is out of range"));
        }

        @Test
        void keywordIsNotAnUnquotedValue() {
            assertTrue(fails("a eq eq").getMessage().startsWith("Expected a value after 'a eq' at position 5, found 'eq'"));
        }
    }
}
