package com.leadcast.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.AttributeType;
import com.leadcast.scim.schema.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter compiler against real SQL, systematically: every attribute path of the User (with the Enterprise and a
 * test-only numeric/time extension) and Group types × every operator × operands drawn from the population (each
 * value, its other case, a prefix, an infix, a suffix, LIKE wildcards, a value no one has, neighbours of numbers
 * and instants, operands of the wrong kind, null); value filters on every complex attribute, alone and in pairs;
 * and random {@code and}/{@code or}/{@code not} trees. Each outcome — the matching resources, or
 * {@code invalidFilter} — must equal the one {@link FilterOracle} computes in memory. Searched together, as at the
 * root {@code /.search}, each type is also filtered by every attribute path and operator of the other, and by
 * random trees mixing both types' attributes.
 *
 * <p>Runs on H2 in memory, and on the database of the {@code postgresql} or {@code mariadb} profile.
 */
class FilterCompilerMatrixTest {

    private static final List<CompareOp> COMPARISONS = List.of(CompareOp.EQ, CompareOp.NE, CompareOp.CO, CompareOp.SW,
            CompareOp.EW, CompareOp.GT, CompareOp.GE, CompareOp.LT, CompareOp.LE);

    private static FilterPopulation population;

    @BeforeAll
    static void populate() {
        population = FilterPopulation.shared();
        System.out.println("[filter-matrix] running on " + population.db.product());
    }

    /** One resource type as the matrix sees it: its oracle, its views, and how to run a filter both ways. */
    private record Side(String name, ResourceType type, FilterOracle oracle, Map<String, ObjectNode> views,
                        Function<Filter, Set<String>> compiled, Function<Filter, Set<String>> expected) {
    }

    private static Side users() {
        return new Side("User", population.userModel.type(), population.userOracle, population.userViews,
                population::users, population::expectedUsers);
    }

    private static Side groups() {
        return new Side("Group", population.groupModel.type(), population.groupOracle, population.groupViews,
                population::groups, population::expectedGroups);
    }

    /** The Users searched together with the Groups. */
    private static Side usersAtTheRoot() {
        return new Side("User at the root", population.userModel.type(), population.rootUserOracle,
                population.userViews, population::usersAtTheRoot, population::expectedUsersAtTheRoot);
    }

    private static Side groupsAtTheRoot() {
        return new Side("Group at the root", population.groupModel.type(), population.rootGroupOracle,
                population.groupViews, population::groupsAtTheRoot, population::expectedGroupsAtTheRoot);
    }

    @TestFactory
    Stream<DynamicNode> everyOperatorOnEveryUserAttribute() {
        return operatorMatrix(users());
    }

    @TestFactory
    Stream<DynamicNode> everyOperatorOnEveryGroupAttribute() {
        return operatorMatrix(groups());
    }

    @TestFactory
    Stream<DynamicNode> everyOperatorOnEveryGroupAttributeOfUsersAtTheRoot() {
        return operatorMatrix(usersAtTheRoot(), groups());
    }

    @TestFactory
    Stream<DynamicNode> everyOperatorOnEveryUserAttributeOfGroupsAtTheRoot() {
        return operatorMatrix(groupsAtTheRoot(), users());
    }

    @TestFactory
    Stream<DynamicNode> valueFiltersOnEveryComplexUserAttribute() {
        return valueFilterMatrix(users());
    }

    @TestFactory
    Stream<DynamicNode> valueFiltersOnEveryComplexGroupAttribute() {
        return valueFilterMatrix(groups());
    }

    @TestFactory
    Stream<DynamicNode> randomLogicalCombinationsOfUserFilters() {
        return randomTrees(users(), 250, 20260101L);
    }

    @TestFactory
    Stream<DynamicNode> randomLogicalCombinationsOfGroupFilters() {
        return randomTrees(groups(), 80, 20260102L);
    }

    @TestFactory
    Stream<DynamicNode> randomLogicalCombinationsOfBothTypesFiltersAtTheRoot() {
        return Stream.concat(randomTrees(usersAtTheRoot(), 150, 20260103L, users(), groups()),
                randomTrees(groupsAtTheRoot(), 150, 20260104L, users(), groups()));
    }

    // --- attribute × operator × operand -----------------------------------------------------------------------

    private static Stream<DynamicNode> operatorMatrix(Side side) {
        return operatorMatrix(side, side);
    }

    /** Every attribute path of {@code attributes}' type, compared with its operands, applied to {@code side}. */
    private static Stream<DynamicNode> operatorMatrix(Side side, Side attributes) {
        return FilterPopulation.paths(attributes.type()).map(path -> {
            List<Object> operands = operands(attributes, path);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(path + " pr", () -> assertSame(side, List.of(new Filter.Present(path)))));
            for (CompareOp op : COMPARISONS) {
                List<Filter> filters = operands.stream().map(v -> (Filter) new Filter.Compare(path, op, v)).toList();
                tests.add(DynamicTest.dynamicTest(path + " " + op.keyword(), () -> assertSame(side, filters)));
            }
            return DynamicContainer.dynamicContainer(side.name() + " " + path, tests);
        });
    }

    /** The operands a path is compared with, chosen by the type the oracle compares it as and the values seen. */
    private static List<Object> operands(Side side, AttrPath path) {
        FilterOracle.Leaf leaf;
        try {
            leaf = side.oracle().resolve(path);
        } catch (FilterOracle.Refused unfilterable) {
            return List.of("x", 1L, true);
        }
        AttributeType type = FilterOracle.comparedType(leaf);
        FilterOracle.Leaf valueLeaf = leaf.sub() == null && leaf.attribute().isComplex()
                ? leaf.attribute().subAttribute("value").map(v -> new FilterOracle.Leaf(leaf.urn(), leaf.attribute(), v,
                leaf.common())).orElse(leaf) : leaf;
        List<JsonNode> seen = population.valuesAt(side.oracle(), side.views(), valueLeaf);
        List<Object> operands = new ArrayList<>();
        operands.add(null);
        operands.addAll(operandsOf(type, seen));
        return operands;
    }

    static List<Object> operandsOf(AttributeType type, List<JsonNode> seen) {
        List<Object> operands = new ArrayList<>();
        switch (type) {
            case BOOLEAN -> operands.addAll(List.of(true, false, "True", "FALSE", "yes", 1L));
            case INTEGER, DECIMAL -> {
                List<BigDecimal> numbers = seen.stream().map(JsonNode::decimalValue).distinct()
                        .sorted().toList();
                picks(numbers).forEach(n -> operands.add(literal(n)));
                if (!numbers.isEmpty()) {
                    operands.add(literal(numbers.get(0).subtract(BigDecimal.ONE)));
                    operands.add(numbers.get(0).add(new BigDecimal("0.5")));
                    operands.add(numbers.get(numbers.size() - 1).toPlainString());
                }
                operands.addAll(List.of("abc", true));
            }
            case DATE_TIME -> {
                List<Instant> instants = seen.stream().map(v -> OffsetDateTime.parse(v.asText()).toInstant())
                        .distinct().sorted().toList();
                picks(instants).forEach(i -> operands.add(i.toString()));
                if (!instants.isEmpty()) {
                    Instant first = instants.get(0);
                    operands.add(OffsetDateTime.ofInstant(first, ZoneOffset.ofHoursMinutes(5, 30)).toString());
                    operands.add(first.plusMillis(1).toString());
                    operands.add(instants.get(instants.size() - 1).minusSeconds(1).toString());
                }
                operands.addAll(List.of("yesterday", 5L));
            }
            case BINARY -> {
                List<String> texts = texts(seen);
                operands.addAll(picks(texts));
                texts.stream().findFirst().ifPresent(t -> operands.add(FilterPopulation.swapCase(t)));
                operands.add("x");
            }
            case COMPLEX -> operands.add("x");
            default -> {
                List<String> texts = texts(seen);
                operands.addAll(picks(texts));
                if (!texts.isEmpty()) {
                    String first = texts.get(0);
                    int cut = Math.min(3, first.length());
                    operands.add(FilterPopulation.swapCase(first));
                    operands.add(first.substring(0, cut));
                    operands.add(first.substring(first.length() - cut));
                    if (first.length() > 4) {
                        operands.add(first.substring(1, first.length() - 1).toUpperCase(java.util.Locale.ROOT));
                    }
                }
                operands.addAll(List.of("no-such-value", "%", "_", 5L));
            }
        }
        return operands;
    }

    private static Object literal(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValue() : number;
    }

    private static List<String> texts(List<JsonNode> seen) {
        return seen.stream().map(JsonNode::asText).distinct().sorted().toList();
    }

    /** The first, a middle and the last of sorted values. */
    private static <T> List<T> picks(List<T> sorted) {
        if (sorted.size() <= 2) {
            return sorted;
        }
        return List.of(sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    // --- value filters ----------------------------------------------------------------------------------------

    private static Stream<DynamicNode> valueFilterMatrix(Side side) {
        Random random = new Random(7);
        return FilterPopulation.paths(side.type()).filter(p -> p.subAttr() == null).flatMap(path -> {
            FilterOracle.Leaf owner;
            try {
                owner = side.oracle().resolve(path);
            } catch (FilterOracle.Refused e) {
                return Stream.empty();
            }
            Attribute attribute = owner.attribute();
            if (!attribute.isComplex()) {
                return Stream.of(DynamicTest.dynamicTest(path + "[...] on a simple attribute", () -> assertSame(side,
                        List.of(new Filter.ValuePath(path, new Filter.Present(AttrPath.of("value")))))));
            }
            List<Filter> atoms = new ArrayList<>();
            for (Attribute sub : attribute.subAttributes()) {
                AttrPath inner = AttrPath.of(sub.name());
                atoms.add(new Filter.Present(inner));
                List<JsonNode> seen = population.valuesAt(side.oracle(), side.views(),
                        new FilterOracle.Leaf(owner.urn(), attribute, sub, owner.common()));
                List<Object> operands = new ArrayList<>();
                operands.add(null);
                operands.addAll(operandsOf(sub.type(), seen).stream().limit(4).toList());
                for (CompareOp op : COMPARISONS) {
                    operands.forEach(v -> atoms.add(new Filter.Compare(inner, op, v)));
                }
            }
            List<Filter> single = atoms.stream().map(a -> (Filter) new Filter.ValuePath(path, a)).toList();
            List<Filter> valid = atoms.stream().filter(a -> isValid(side, new Filter.ValuePath(path, a))).toList();
            List<Filter> pairs = new ArrayList<>();
            for (int i = 0; i < 40 && valid.size() > 1; i++) {
                Filter a = valid.get(random.nextInt(valid.size()));
                Filter b = valid.get(random.nextInt(valid.size()));
                pairs.add(new Filter.ValuePath(path, new Filter.And(a, b)));
                pairs.add(new Filter.ValuePath(path, new Filter.Or(a, new Filter.Not(b))));
                pairs.add(new Filter.ValuePath(path, new Filter.And(new Filter.Not(a), b)));
            }
            return Stream.of(DynamicContainer.dynamicContainer(side.name() + " " + path + "[...]", List.of(
                    DynamicTest.dynamicTest(path + "[one term] × every sub-attribute and operator",
                            () -> assertSame(side, single)),
                    DynamicTest.dynamicTest(path + "[two terms] with and, or, not", () -> assertSame(side, pairs)))));
        });
    }

    // --- random and / or / not trees ------------------------------------------------------------------------------

    private static Stream<DynamicNode> randomTrees(Side side, int count, long seed) {
        return randomTrees(side, count, seed, side);
    }

    /** Random trees applied to {@code side} of atoms valid on it, on the attributes of {@code attributes}' types. */
    private static Stream<DynamicNode> randomTrees(Side side, int count, long seed, Side... attributes) {
        List<Filter> atoms = Stream.of(attributes).flatMap(a -> FilterPopulation.paths(a.type())
                .flatMap(path -> Stream.concat(Stream.of((Filter) new Filter.Present(path)),
                        COMPARISONS.stream().flatMap(op -> operands(a, path).stream().limit(4)
                                .map(v -> (Filter) new Filter.Compare(path, op, v))))))
                .filter(f -> isValid(side, f))
                .distinct()
                .sorted(Comparator.comparing(Filter::toString))
                .toList();
        Random random = new Random(seed);
        List<Filter> trees = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trees.add(tree(atoms, random, 3));
        }
        return Stream.of(DynamicTest.dynamicTest(side.name() + ": " + count + " random trees of " + atoms.size()
                + " atoms", () -> assertSame(side, trees)));
    }

    private static Filter tree(List<Filter> atoms, Random random, int depth) {
        int shape = depth == 0 ? 0 : random.nextInt(4);
        return switch (shape) {
            case 1 -> new Filter.And(tree(atoms, random, depth - 1), tree(atoms, random, depth - 1));
            case 2 -> new Filter.Or(tree(atoms, random, depth - 1), tree(atoms, random, depth - 1));
            case 3 -> new Filter.Not(tree(atoms, random, depth - 1));
            default -> atoms.get(random.nextInt(atoms.size()));
        };
    }

    // --- the comparison -----------------------------------------------------------------------------------------

    private static boolean isValid(Side side, Filter filter) {
        try {
            side.oracle().check(filter);
            return true;
        } catch (FilterOracle.Refused e) {
            return false;
        }
    }

    /** Every filter has the outcome the oracle expects; all differences are reported together. */
    private static void assertSame(Side side, List<Filter> filters) {
        List<String> differences = new ArrayList<>();
        for (Filter filter : filters) {
            String expected = FilterPopulation.outcome(() -> side.expected().apply(filter));
            String actual = FilterPopulation.outcome(() -> side.compiled().apply(filter));
            if (!expected.equals(actual)) {
                differences.add(filter + "\n    expected " + expected + "\n    but SQL gave " + actual);
            }
        }
        assertTrue(differences.isEmpty(), () -> side.name() + ": " + differences.size() + " of " + filters.size()
                + " filters differ from the oracle:\n  " + String.join("\n  ", differences));
    }
}
