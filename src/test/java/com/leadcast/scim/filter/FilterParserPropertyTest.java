package com.leadcast.scim.filter;

import com.leadcast.fuzz.FilterGenerator;
import com.leadcast.fuzz.FuzzSeed;
import com.leadcast.fuzz.Mutator;
import com.leadcast.fuzz.TrickyText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of {@link FilterParser} over generated and mutated input: it answers every text with a tree or with its
 * own {@link FilterException} (a {@link PathException} for PATCH paths), never with another exception; the canonical
 * text of a tree parses back to the same tree; and {@code and} binds tighter than {@code or} (RFC 7644 §3.4.2.2).
 */
@AddLifecycleHook(FuzzSeed.class)
class FilterParserPropertyTest {

    /** Trees of values a filter can carry: a string decoding to NUL or a lone surrogate is refused (FilterParserTest). */
    @Provide
    Arbitrary<Filter> filters() {
        return Arbitraries.randomValue(random -> new FilterGenerator(random, false).filter(3));
    }

    /** Valid filters mutated at the text level, tricky text, and jqwik's own strings. */
    @Provide
    Arbitrary<String> filterLike() {
        Arbitrary<String> mutated = Arbitraries.randomValue(random -> {
            String text = random.nextBoolean() ? new FilterGenerator(random, true).filter(3).toString()
                    : FilterGenerator.minimal(new FilterGenerator(random, true).filter(3));
            return Mutator.mutate(random, text, true);
        });
        Arbitrary<String> tricky = Arbitraries.randomValue(random -> TrickyText.any(random).text());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, mutated),
                net.jqwik.api.Tuple.of(2, tricky),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("()[]\" .:eqandornotpr\\u0").ofMaxLength(30)));
    }

    @Provide
    Arbitrary<String> pathLike() {
        Arbitrary<String> mutated = Arbitraries.randomValue(random -> {
            FilterGenerator generator = new FilterGenerator(random, true);
            String path = switch (random.nextInt(4)) {
                case 0 -> "emails[" + FilterGenerator.minimal(generator.filter(1)) + "].value";
                case 1 -> "members[" + generator.filter(1) + "]";
                case 2 -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value";
                default -> "name.givenName";
            };
            return Mutator.mutate(random, path, true);
        });
        return Arbitraries.oneOf(mutated, Arbitraries.strings().all().ofMaxLength(40));
    }

    @Property(tries = 3000)
    void anyTextParsesOrIsAFilterException(@ForAll("filterLike") String text) {
        try {
            Filter filter = FilterParser.parse(text);
            assertEquals(filter, FilterParser.parse(filter.toString()), "canonical text of " + filter);
        } catch (FilterException e) {
            assertSame(FilterException.class, e.getClass(), "a filter error is no PathException");
            assertMessageAndPosition(e, text);
        }
    }

    @Property(tries = 2000)
    void anyTextParsesAsAPathOrIsAPathException(@ForAll("pathLike") String text) {
        try {
            PatchPath path = FilterParser.parsePath(text);
            assertEquals(path, FilterParser.parsePath(path.toString()), "canonical text of " + path);
        } catch (PathException e) {
            assertTrue(e.scimType().equals("invalidPath") || e.scimType().equals("invalidFilter"), e.scimType());
            assertMessageAndPosition(e, text);
        }
    }

    @Property(tries = 2000)
    void canonicalTextParsesBackToTheSameTree(@ForAll("filters") Filter filter) {
        Assume.that(filter.toString().length() <= FilterParser.MAX_LENGTH);
        assertEquals(filter, FilterParser.parse(filter.toString()));
    }

    /** Rendered with only the parentheses precedence requires, a tree still parses back to itself. */
    @Property(tries = 2000)
    void andBindsTighterThanOr(@ForAll("filters") Filter filter) {
        Assume.that(filter.toString().length() <= FilterParser.MAX_LENGTH);
        assertEquals(filter, FilterParser.parse(FilterGenerator.minimal(filter)), FilterGenerator.minimal(filter));
    }

    private static void assertMessageAndPosition(FilterException e, String text) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a detail for the tenant admin");
        assertTrue(e.position() >= -1 && e.position() <= Math.max(text.length(), FilterParser.MAX_LENGTH),
                () -> "position " + e.position() + " in a text of " + text.length());
    }
}
