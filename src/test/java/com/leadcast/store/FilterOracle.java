package com.leadcast.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.AttributeType;
import com.leadcast.scim.schema.ResourceType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a SCIM filter means, evaluated in memory over resource views (the document as the client sees it: with
 * {@code id}, {@code meta} and the membership attribute), written from RFC 7644 §3.4.2.2 and the schema
 * definitions alone — never from {@link FilterCompiler} — so that the SQL the compiler produces has an independent
 * expectation to meet.
 *
 * <p>The rules: an attribute is compared by its schema type and {@code caseExact}; a complex attribute without
 * sub-attribute by its {@code value}; on a multi-valued attribute a comparison holds if any value satisfies it and
 * {@code ne} if no value equals the operand; {@code eq null} / {@code ne null} test absence / presence;
 * {@code gt ge lt le} on booleans and binaries, {@code co sw ew} on anything but strings and references, an
 * operand of the wrong kind, any other operator with {@code null}, and unknown attributes are refused. This
 * server's documented limits are refused too: of the common attributes only {@code id}, {@code externalId},
 * {@code meta.created}, {@code meta.lastModified} and {@code meta.resourceType} are filterable, and the membership
 * attribute ({@code members}, {@code groups}) is compared by {@code value}, {@code type} and {@code display}. A
 * write-only attribute ({@code mutability} writeOnly or {@code returned} never, RFC 7643 §7: {@code password}) has
 * no value a client could read back, so it is refused too.
 *
 * <p>Searched together with other resource types (RFC 7644 §3.4.2, the root {@code /.search}), an attribute path
 * that only another type defines is one this type's resources simply do not have: it is evaluated as an attribute
 * without any value, and what is valid for it is for the type that defines it to say.
 */
final class FilterOracle {

    /** The filter is one the server must refuse with {@code invalidFilter}, whatever the data. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Set<String> FILTERABLE_COMMON = Set.of("id", "externalid", "meta.created",
            "meta.lastmodified", "meta.resourcetype");
    private static final Set<String> UNCOMPARABLE_MEMBERSHIP = Set.of("$ref");

    private final ResourceType type;
    private final String membership;
    private final List<ResourceType> otherTypes;

    /** @param membership the attribute kept as membership rows ({@code groups} or {@code members}) */
    FilterOracle(ResourceType type, String membership) {
        this(type, membership, List.of());
    }

    /** @param otherTypes the resource types searched together with {@code type} */
    FilterOracle(ResourceType type, String membership, List<ResourceType> otherTypes) {
        this.type = type;
        this.membership = membership;
        this.otherTypes = List.copyOf(otherTypes);
    }

    /** Whether {@code view} matches {@code filter}. @throws Refused if the filter must be refused */
    boolean matches(Filter filter, JsonNode view) {
        check(filter);
        return holds(filter, view);
    }

    // --- what must be refused, whatever the data --------------------------------------------------------------

    void check(Filter filter) {
        if (filter instanceof Filter.And and) {
            and.filters().forEach(this::check);
        } else if (filter instanceof Filter.Or or) {
            or.filters().forEach(this::check);
        } else if (filter instanceof Filter.Not not) {
            check(not.filter());
        } else if (filter instanceof Filter.Present present) {
            resolve(present.path());
        } else if (filter instanceof Filter.Compare compare) {
            Leaf leaf = resolve(compare.path());
            if (compare.value() == null) {
                requirePresenceTest(compare);
                return;
            }
            if (leaf.absent()) {
                return;
            }
            Attribute compared = compared(leaf);
            if (leaf.isMembership(membership) && UNCOMPARABLE_MEMBERSHIP.contains(compared.name())) {
                throw new Refused("membership compared by " + compared.name());
            }
            checkOperand(compared, compare.op(), compare.value());
        } else {
            Filter.ValuePath valuePath = (Filter.ValuePath) filter;
            Leaf owner = resolve(valuePath.attribute());
            if (owner.absent()) {
                return;
            }
            if (!owner.attribute().isComplex() || owner.common()) {
                throw new Refused("value filter on " + owner.attribute().name());
            }
            checkElement(valuePath.filter(), owner);
        }
    }

    private void checkElement(Filter filter, Leaf owner) {
        if (filter instanceof Filter.And and) {
            and.filters().forEach(f -> checkElement(f, owner));
        } else if (filter instanceof Filter.Or or) {
            or.filters().forEach(f -> checkElement(f, owner));
        } else if (filter instanceof Filter.Not not) {
            checkElement(not.filter(), owner);
        } else {
            AttrPath path = filter instanceof Filter.Compare c ? c.path() : ((Filter.Present) filter).path();
            Attribute sub = owner.attribute().subAttribute(path.name())
                    .orElseThrow(() -> new Refused("no sub-attribute " + path.name()));
            if (sub.writeOnly()) {
                throw new Refused(sub.name() + " is write-only");
            }
            if (owner.isMembership(membership) && UNCOMPARABLE_MEMBERSHIP.contains(sub.name())) {
                throw new Refused("membership filtered by " + sub.name());
            }
            if (filter instanceof Filter.Compare compare) {
                if (compare.value() == null) {
                    requirePresenceTest(compare);
                } else {
                    checkOperand(sub, compare.op(), compare.value());
                }
            }
        }
    }

    private static void requirePresenceTest(Filter.Compare compare) {
        if (compare.op() != CompareOp.EQ && compare.op() != CompareOp.NE) {
            throw new Refused(compare.op() + " null");
        }
    }

    /** The operator and operand suit the compared attribute's type (RFC 7644 §3.4.2.2). */
    private static void checkOperand(Attribute compared, CompareOp op, Object value) {
        switch (compared.type()) {
            case BOOLEAN -> {
                if ((op != CompareOp.EQ && op != CompareOp.NE) || bool(value) == null) {
                    throw new Refused("boolean " + op + " " + value);
                }
            }
            case BINARY -> {
                if (op != CompareOp.EQ && op != CompareOp.NE) {
                    throw new Refused("binary " + op);
                }
            }
            case INTEGER, DECIMAL -> {
                if (isSubstringOp(op) || number(value) == null) {
                    throw new Refused("number " + op + " " + value);
                }
            }
            case DATE_TIME -> {
                if (isSubstringOp(op) || instant(value) == null) {
                    throw new Refused("dateTime " + op + " " + value);
                }
            }
            default -> {
                // strings and references take every operator; the operand is compared as text
            }
        }
    }

    private static boolean isSubstringOp(CompareOp op) {
        return op == CompareOp.CO || op == CompareOp.SW || op == CompareOp.EW;
    }

    // --- paths ------------------------------------------------------------------------------------------------

    /**
     * A resolved attribute path: the attribute, its sub-attribute or null, and where it lives; {@link #ABSENT} for an
     * attribute only another type searched defines.
     */
    record Leaf(String urn, Attribute attribute, Attribute sub, boolean common) {
        static final Leaf ABSENT = new Leaf(null, null, null, false);

        boolean absent() {
            return attribute == null;
        }

        boolean isMembership(String membership) {
            return urn == null && attribute != null && attribute.named(membership);
        }

        String key() {
            return (attribute.name() + (sub == null ? "" : "." + sub.name())).toLowerCase(Locale.ROOT);
        }
    }

    Leaf resolve(AttrPath path) {
        if (!hasPath(type, path) && otherTypes.stream().anyMatch(other -> hasPath(other, path))) {
            return Leaf.ABSENT;
        }
        ResourceType.AttributeRef ref = type.resolve(path.uri(), path.name())
                .orElseThrow(() -> new Refused("unknown attribute " + path));
        Attribute attribute = ref.attribute();
        if (attribute.writeOnly()) {
            throw new Refused(attribute.name() + " is write-only");
        }
        Attribute sub = null;
        if (path.subAttr() != null) {
            if (!attribute.isComplex()) {
                throw new Refused(attribute.name() + " has no sub-attributes");
            }
            sub = attribute.subAttribute(path.subAttr()).orElseThrow(() -> new Refused("unknown " + path));
        }
        boolean common = !ref.inExtension() && type.commonAttributes().contains(attribute);
        Leaf leaf = new Leaf(ref.extensionUrn(), attribute, sub, common);
        if (common && !FILTERABLE_COMMON.contains(leaf.key())) {
            throw new Refused(leaf.key() + " is not filterable");
        }
        return leaf;
    }

    /** Whether {@code owner} has the attribute of {@code path} and, if it names one, the sub-attribute. */
    private static boolean hasPath(ResourceType owner, AttrPath path) {
        return owner.resolve(path.uri(), path.name()).map(ref -> path.subAttr() == null
                || ref.attribute().subAttribute(path.subAttr()).isPresent()).orElse(false);
    }

    /** The attribute a comparison compares: the leaf, or the {@code value} of a complex attribute. */
    private static Attribute compared(Leaf leaf) {
        if (leaf.sub() != null) {
            return leaf.sub();
        }
        if (leaf.attribute().isComplex()) {
            return leaf.attribute().subAttribute("value")
                    .orElseThrow(() -> new Refused(leaf.attribute().name() + " has no value"));
        }
        return leaf.attribute();
    }

    // --- evaluation -------------------------------------------------------------------------------------------

    private boolean holds(Filter filter, JsonNode view) {
        if (filter instanceof Filter.And and) {
            return and.filters().stream().allMatch(f -> holds(f, view));
        }
        if (filter instanceof Filter.Or or) {
            return or.filters().stream().anyMatch(f -> holds(f, view));
        }
        if (filter instanceof Filter.Not not) {
            return !holds(not.filter(), view);
        }
        if (filter instanceof Filter.Present present) {
            return !values(view, resolve(present.path())).isEmpty();
        }
        if (filter instanceof Filter.Compare compare) {
            Leaf leaf = resolve(compare.path());
            if (compare.value() == null) {
                return values(view, leaf).isEmpty() == (compare.op() == CompareOp.EQ);
            }
            if (leaf.absent()) {
                return any(null, compare.op(), compare.value(), List.of());
            }
            Leaf comparedLeaf = leaf.sub() == null && leaf.attribute().isComplex()
                    ? new Leaf(leaf.urn(), leaf.attribute(), compared(leaf), leaf.common()) : leaf;
            return any(compared(leaf), compare.op(), compare.value(), values(view, comparedLeaf));
        }
        Filter.ValuePath valuePath = (Filter.ValuePath) filter;
        Leaf owner = resolve(valuePath.attribute());
        return elements(view, owner).stream().anyMatch(e -> holdsForElement(valuePath.filter(), e, owner));
    }

    private boolean holdsForElement(Filter filter, JsonNode element, Leaf owner) {
        if (filter instanceof Filter.And and) {
            return and.filters().stream().allMatch(f -> holdsForElement(f, element, owner));
        }
        if (filter instanceof Filter.Or or) {
            return or.filters().stream().anyMatch(f -> holdsForElement(f, element, owner));
        }
        if (filter instanceof Filter.Not not) {
            return !holdsForElement(not.filter(), element, owner);
        }
        AttrPath path = filter instanceof Filter.Compare c ? c.path() : ((Filter.Present) filter).path();
        Attribute sub = owner.attribute().subAttribute(path.name()).orElseThrow();
        JsonNode value = field(element, sub.name());
        List<JsonNode> values = value == null ? List.of() : List.of(value);
        if (filter instanceof Filter.Present) {
            return !values.isEmpty();
        }
        Filter.Compare compare = (Filter.Compare) filter;
        if (compare.value() == null) {
            return values.isEmpty() == (compare.op() == CompareOp.EQ);
        }
        return any(sub, compare.op(), compare.value(), values);
    }

    /** Any value satisfies {@code op}; for {@code ne}, no value equals the operand. */
    private static boolean any(Attribute compared, CompareOp op, Object operand, List<JsonNode> values) {
        if (op == CompareOp.NE) {
            return values.stream().noneMatch(v -> test(compared, CompareOp.EQ, operand, v));
        }
        return values.stream().anyMatch(v -> test(compared, op, operand, v));
    }

    private static boolean test(Attribute compared, CompareOp op, Object operand, JsonNode value) {
        return switch (compared.type()) {
            case BOOLEAN -> value.asBoolean() == bool(operand);
            case INTEGER, DECIMAL -> ordered(op, value.decimalValue().compareTo(number(operand)));
            case DATE_TIME -> ordered(op, OffsetDateTime.parse(value.asText()).toInstant().compareTo(instant(operand)));
            default -> text(compared.caseExact(), op, value.asText(), String.valueOf(operand));
        };
    }

    private static boolean text(boolean caseExact, CompareOp op, String value, String operand) {
        String v = caseExact ? value : value.toLowerCase(Locale.ROOT);
        String o = caseExact ? operand : operand.toLowerCase(Locale.ROOT);
        return switch (op) {
            case CO -> v.contains(o);
            case SW -> v.startsWith(o);
            case EW -> v.endsWith(o);
            default -> ordered(op, v.compareTo(o));
        };
    }

    private static boolean ordered(CompareOp op, int comparison) {
        return switch (op) {
            case EQ -> comparison == 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> throw new IllegalArgumentException(op + " is not an ordering");
        };
    }

    /** The non-null values at {@code leaf} in {@code view}; for a whole complex attribute, its non-empty elements. */
    List<JsonNode> values(JsonNode view, Leaf leaf) {
        List<JsonNode> values = new ArrayList<>();
        if (leaf.absent()) {
            return values;
        }
        for (JsonNode element : elements(view, leaf)) {
            if (leaf.sub() != null) {
                JsonNode value = field(element, leaf.sub().name());
                if (value != null) {
                    values.add(value);
                }
            } else if (!leaf.attribute().isComplex() || element.size() > 0) {
                values.add(element);
            }
        }
        return values;
    }

    /** The elements of the attribute of {@code leaf}: each of a multi-valued one, or the single value. */
    private static List<JsonNode> elements(JsonNode view, Leaf leaf) {
        if (leaf.absent()) {
            return List.of();
        }
        JsonNode container = leaf.urn() == null ? view : view.path(leaf.urn());
        JsonNode node = field(container, leaf.attribute().name());
        List<JsonNode> elements = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(e -> {
                if (!e.isNull()) {
                    elements.add(e);
                }
            });
        } else if (node != null) {
            elements.add(node);
        }
        return elements;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    // --- operands ---------------------------------------------------------------------------------------------

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return s.equalsIgnoreCase("true");
        }
        return null;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        try {
            return value instanceof String s ? new BigDecimal(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(Object value) {
        try {
            return value instanceof String s ? OffsetDateTime.parse(s).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The type the oracle compares {@code leaf} as, for choosing operands. */
    static AttributeType comparedType(Leaf leaf) {
        try {
            return compared(leaf).type();
        } catch (Refused e) {
            return AttributeType.COMPLEX;
        }
    }
}
