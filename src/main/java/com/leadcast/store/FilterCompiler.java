package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.AttributeType;
import com.leadcast.scim.schema.ResourceType;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a SCIM filter (RFC 7644 §3.4.2.2) to a JPA criteria predicate, so that the database does all filtering:
 * attributes with columns compare on them, membership attributes become {@code EXISTS} over membership rows, and
 * every other attribute becomes {@code EXISTS} over the {@link AttributeIndex}; a value filter
 * ({@code emails[type eq "work" and value co "@x"]}) requires all its terms to hold for one element. A membership's
 * {@code value} and {@code type} are columns of its row, its {@code display} the name of the resource it refers to,
 * and {@code $ref} (derived from the request's URL) cannot be filtered on.
 *
 * <p>Semantics: comparisons follow the attribute's type and {@code caseExact}; on a multi-valued attribute a
 * comparison holds if any value satisfies it, and {@code ne} holds if no value equals the operand (so it matches
 * resources without the attribute); {@code eq null} means "not present"; {@code gt ge lt le} on booleans and
 * binaries, and {@code co sw ew} on non-strings, are {@code invalidFilter} (RFC 7644 §3.4.2.2). Unknown attributes
 * are {@code invalidFilter} too: a filter is never silently ignored.
 */
final class FilterCompiler {

    private final CriteriaBuilder cb;
    private final CommonAbstractCriteria query;
    private final Root<?> root;
    private final QueryModel model;
    private final String tenantId;

    private FilterCompiler(CriteriaBuilder cb, CommonAbstractCriteria query, Root<?> root, QueryModel model,
                           String tenantId) {
        this.cb = cb;
        this.query = query;
        this.root = root;
        this.model = model;
        this.tenantId = tenantId;
    }

    static Predicate compile(Filter filter, CriteriaBuilder cb, AbstractQuery<?> query, Root<?> root,
                             QueryModel model, String tenantId) {
        return new FilterCompiler(cb, query, root, model, tenantId).predicate(filter);
    }

    /**
     * Compiles the filter of a membership value path, the {@code type eq "Group"} of {@code members[type eq "Group"]},
     * to a predicate on the membership rows {@code m} themselves, for a statement over those rows such as the
     * {@code DELETE} of a PATCH remove. The sub-attributes compare as in a resource filter.
     */
    static Predicate compileMembership(Filter valueFilter, CriteriaBuilder cb, CommonAbstractCriteria statement,
                                       Root<MemberEntity> m, QueryModel model, String tenantId) {
        FilterCompiler compiler = new FilterCompiler(cb, statement, null, model, tenantId);
        Target owner = compiler.target(AttrPath.of(model.membership().attribute()));
        return compiler.memberPredicate(valueFilter, m, owner);
    }

    private Predicate predicate(Filter filter) {
        if (filter instanceof Filter.And and) {
            return cb.and(and.filters().stream().map(this::predicate).toArray(Predicate[]::new));
        }
        if (filter instanceof Filter.Or or) {
            return cb.or(or.filters().stream().map(this::predicate).toArray(Predicate[]::new));
        }
        if (filter instanceof Filter.Not not) {
            return cb.not(predicate(not.filter()));
        }
        if (filter instanceof Filter.Present present) {
            return present(target(present.path()));
        }
        if (filter instanceof Filter.Compare compare) {
            return compare(target(compare.path()), compare.op(), compare.value(), compare.path());
        }
        Filter.ValuePath valuePath = (Filter.ValuePath) filter;
        return valuePath(valuePath);
    }

    // --- what a path names ----------------------------------------------------------------------------------------

    /** A resolved attribute path: the attribute, the compared leaf (a sub-attribute or the attribute itself). */
    private record Target(String extensionUrn, Attribute attribute, Attribute sub, boolean common) {
        Attribute leaf() {
            return sub != null ? sub : attribute;
        }

        String key() {
            return (attribute.name() + (sub == null ? "" : "." + sub.name())).toLowerCase(Locale.ROOT);
        }
    }

    private Target target(AttrPath path) {
        ResourceType type = model.type();
        ResourceType.AttributeRef ref = type.resolve(path.uri(), path.name()).orElseThrow(() ->
                ScimException.invalidFilter("The filter names '" + path + "', which is not an attribute of "
                        + type.name()));
        Attribute attribute = ref.attribute();
        boolean common = !ref.inExtension() && type.commonAttributes().contains(attribute);
        Attribute sub = null;
        if (path.subAttr() != null) {
            if (!attribute.isComplex()) {
                throw ScimException.invalidFilter("'" + attribute.name() + "' has no sub-attributes (filter names '"
                        + path + "')");
            }
            sub = attribute.subAttribute(path.subAttr()).orElseThrow(() -> ScimException.invalidFilter("'"
                    + attribute.name() + "' has no sub-attribute '" + path.subAttr() + "'"));
        }
        return new Target(ref.extensionUrn(), attribute, sub, common);
    }

    private boolean isMembership(Target target) {
        return model.membership() != null && target.extensionUrn() == null
                && target.attribute().named(model.membership().attribute());
    }

    /** A complex attribute compared without a sub-attribute is compared by its {@code value} (RFC 7644 §3.4.2.2). */
    private Target comparable(Target target, AttrPath path) {
        if (target.sub() == null && target.attribute().isComplex()) {
            Attribute value = target.attribute().subAttribute("value").orElseThrow(() -> ScimException.invalidFilter(
                    "'" + path + "' is complex: compare one of its sub-attributes, e.g. " + path + "."
                            + target.attribute().subAttributes().get(0).name()));
            return new Target(target.extensionUrn(), target.attribute(), value, target.common());
        }
        return target;
    }

    // --- pr -------------------------------------------------------------------------------------------------------

    private Predicate present(Target target) {
        if (isMembership(target)) {
            return cb.exists(memberRows(null));
        }
        QueryModel.Column column = model.columns().get(target.key());
        if (target.common()) {
            if (column == null) {
                throw ScimException.invalidFilter("'" + target.key() + "' cannot be used in filters");
            }
            return cb.isNotNull(root.get(column.field()));
        }
        Subquery<String> rows = query.subquery(String.class);
        Root<AttributeValueEntity> v = rows.from(AttributeValueEntity.class);
        rows.select(v.get("resourceId")).where(cb.equal(v.get("tenantId"), tenantId), v.get("path").in(paths(target)));
        return root.get("id").in(rows);
    }

    private List<String> paths(Target target) {
        if (target.sub() != null || !target.attribute().isComplex()) {
            return List.of(AttributeIndex.path(target.extensionUrn(), target.attribute(), target.sub()));
        }
        return target.attribute().subAttributes().stream()
                .map(s -> AttributeIndex.path(target.extensionUrn(), target.attribute(), s)).toList();
    }

    // --- comparisons ----------------------------------------------------------------------------------------------

    private Predicate compare(Target raw, CompareOp op, Object value, AttrPath path) {
        if (value == null) {
            return switch (op) {
                case EQ -> cb.not(present(raw));
                case NE -> present(raw);
                default -> throw ScimException.invalidFilter("'" + path + " " + op.keyword() + " null' compares "
                        + "with null: only eq null and ne null are meaningful");
            };
        }
        if (isMembership(raw)) {
            return membershipCompare(raw, op, value, path);
        }
        Target target = comparable(raw, path);
        if (target.attribute().named("meta") && target.sub() != null && target.sub().named("resourceType")) {
            boolean equal = String.valueOf(value).equalsIgnoreCase(model.type().name());
            return (op == CompareOp.EQ) == equal ? cb.conjunction() : cb.disjunction();
        }
        QueryModel.Column column = model.columns().get(target.key());
        if (column != null) {
            Path<Object> field = root.get(column.field());
            if (op == CompareOp.NE) {
                return cb.or(cb.isNull(field), cb.not(test(target.leaf(), CompareOp.EQ, value, path, field,
                        column.matching())));
            }
            return test(target.leaf(), op, value, path, field, column.matching());
        }
        if (target.common()) {
            throw ScimException.invalidFilter("'" + path + "' cannot be used in filters");
        }
        String indexPath = AttributeIndex.path(target.extensionUrn(), target.attribute(), target.sub());
        if (op == CompareOp.NE) {
            return cb.not(root.get("id").in(indexed(indexPath, target.leaf(), CompareOp.EQ, value, path, null)));
        }
        return root.get("id").in(indexed(indexPath, target.leaf(), op, value, path, null));
    }

    /**
     * The ids of resources with an index row at {@code indexPath} satisfying the comparison. Without an
     * {@code element} the query is uncorrelated (the tenant's rows, found through the value indexes, so a selective
     * comparison reads few rows); with one, it is tied to that element of a value filter.
     */
    private Subquery<String> indexed(String indexPath, Attribute leaf, CompareOp op, Object value, AttrPath path,
                                     Element element) {
        Subquery<String> rows = query.subquery(String.class);
        Root<AttributeValueEntity> v = rows.from(AttributeValueEntity.class);
        Predicate where = element == null
                ? cb.and(cb.equal(v.get("tenantId"), tenantId), cb.equal(v.get("path"), indexPath))
                : cb.and(cb.equal(v.get("resourceId"), element.resourceId()), cb.equal(v.get("path"), indexPath),
                        cb.equal(v.get("elementIndex"), element.index()));
        if (op != CompareOp.PR) {
            where = cb.and(where, comparison(v, leaf, op, value, path));
        }
        return rows.select(v.get("resourceId")).where(where);
    }

    /** One element of a multi-valued attribute, as the row of a value filter's driving term sees it. */
    private record Element(Expression<String> resourceId, Expression<Integer> index) {
    }

    private Predicate comparison(Root<AttributeValueEntity> v, Attribute leaf, CompareOp op, Object value, AttrPath path) {
        return test(leaf, op, value, path, indexField(v, leaf), leaf.caseExact()
                ? QueryModel.Matching.EXACT : QueryModel.Matching.KEY_COLUMN);
    }

    private static Path<Object> indexField(Root<AttributeValueEntity> v, Attribute leaf) {
        return switch (leaf.type()) {
            case BOOLEAN -> v.get("valueBoolean");
            case INTEGER, DECIMAL -> v.get("valueNumber");
            case DATE_TIME -> v.get("valueTime");
            default -> v.get(leaf.caseExact() ? "valueText" : "valueKey");
        };
    }

    /** {@code field op value} for the type of {@code leaf}. */
    @SuppressWarnings("unchecked")
    private Predicate test(Attribute leaf, CompareOp op, Object value, AttrPath path, Expression<?> field,
                           QueryModel.Matching matching) {
        AttributeType type = leaf.type();
        switch (type) {
            case BOOLEAN -> {
                Boolean operand = booleanOperand(value);
                if (operand == null || op != CompareOp.EQ) {
                    throw ScimException.invalidFilter("'" + path + "' is a boolean: use eq or ne with true or false");
                }
                return cb.equal(field, operand);
            }
            case INTEGER, DECIMAL -> {
                return ordered(op, (Expression<BigDecimal>) (Expression<?>) field, numberOperand(value, path), path);
            }
            case DATE_TIME -> {
                return ordered(op, (Expression<Instant>) (Expression<?>) field, timeOperand(value, path), path);
            }
            default -> {
                if (type == AttributeType.BINARY && op != CompareOp.EQ) {
                    throw ScimException.invalidFilter("'" + path + "' is binary: only eq, ne and pr apply");
                }
                Expression<String> text = (Expression<String>) (Expression<?>) field;
                String operand = String.valueOf(value);
                if (matching == QueryModel.Matching.KEY_COLUMN) {
                    operand = operand.toLowerCase(Locale.ROOT);
                } else if (matching == QueryModel.Matching.LOWER) {
                    text = cb.lower(text);
                    operand = operand.toLowerCase(Locale.ROOT);
                }
                return switch (op) {
                    case CO -> cb.like(text, "%" + escapeLike(operand) + "%", '\\');
                    case SW -> cb.like(text, escapeLike(operand) + "%", '\\');
                    case EW -> cb.like(text, "%" + escapeLike(operand), '\\');
                    default -> ordered(op, text, operand, path);
                };
            }
        }
    }

    private <T extends Comparable<? super T>> Predicate ordered(CompareOp op, Expression<T> field, T operand,
                                                               AttrPath path) {
        return switch (op) {
            case EQ -> cb.equal(field, operand);
            case GT -> cb.greaterThan(field, operand);
            case GE -> cb.greaterThanOrEqualTo(field, operand);
            case LT -> cb.lessThan(field, operand);
            case LE -> cb.lessThanOrEqualTo(field, operand);
            default -> throw ScimException.invalidFilter("Operator '" + op.keyword() + "' does not apply to '" + path
                    + "': co, sw and ew are for strings");
        };
    }

    private static Boolean booleanOperand(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static BigDecimal numberOperand(Object value, AttrPath path) {
        try {
            return value instanceof Long l ? BigDecimal.valueOf(l)
                    : value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw ScimException.invalidFilter("'" + path + "' is numeric: compare it with a number, not " + value);
        }
    }

    private static Instant timeOperand(Object value, AttrPath path) {
        try {
            return OffsetDateTime.parse(String.valueOf(value)).toInstant();
        } catch (DateTimeParseException e) {
            throw ScimException.invalidFilter("'" + path + "' is a dateTime: compare it with a value such as "
                    + "\"2026-01-31T12:00:00Z\", not " + value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // --- value filters ----------------------------------------------------------------------------------------

    private Predicate valuePath(Filter.ValuePath valuePath) {
        Target target = target(valuePath.attribute());
        if (isMembership(target)) {
            Subquery<Integer> rows = memberRows(null);
            Root<?> m = rows.getRoots().iterator().next();
            rows.where(cb.and(rows.getRestriction(), memberPredicate(valuePath.filter(), m, target)));
            return cb.exists(rows);
        }
        if (!target.attribute().isComplex() || target.common()) {
            throw ScimException.invalidFilter("'" + valuePath.attribute() + "[...]' needs a multi-valued complex "
                    + "attribute such as emails or addresses");
        }
        // one index row drives the search: the first positive comparison of the filter if there is one (so a
        // selective term such as value eq "x" is an index look-up), else any row of the attribute
        List<Filter> terms = valuePath.filter() instanceof Filter.And and ? and.filters() : List.of(valuePath.filter());
        Filter.Compare driver = terms.stream()
                .filter(t -> t instanceof Filter.Compare c && c.value() != null && c.op() != CompareOp.NE)
                .map(Filter.Compare.class::cast).findFirst().orElse(null);
        Subquery<String> elements = query.subquery(String.class);
        Root<AttributeValueEntity> e = elements.from(AttributeValueEntity.class);
        Element element = new Element(e.get("resourceId"), e.get("elementIndex"));
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(e.get("tenantId"), tenantId));
        if (driver != null) {
            Attribute sub = subAttribute(target, driver.path());
            where.add(cb.equal(e.get("path"), AttributeIndex.path(target.extensionUrn(), target.attribute(), sub)));
            where.add(comparison(e, sub, driver.op(), driver.value(),
                    new AttrPath(target.extensionUrn(), target.attribute().name(), sub.name())));
            terms.stream().filter(t -> t != driver).forEach(t -> where.add(elementPredicate(t, target, element)));
        } else {
            where.add(e.get("path").in(paths(target)));
            where.add(elementPredicate(valuePath.filter(), target, element));
        }
        elements.select(e.get("resourceId")).where(where.toArray(Predicate[]::new));
        return root.get("id").in(elements);
    }

    private static Attribute subAttribute(Target owner, AttrPath path) {
        return owner.attribute().subAttribute(path.name()).orElseThrow(() -> ScimException.invalidFilter("'"
                + owner.attribute().name() + "' has no sub-attribute '" + path.name() + "'"));
    }

    /** The value filter's terms, each an {@code EXISTS} on the same element. */
    private Predicate elementPredicate(Filter filter, Target owner, Element element) {
        if (filter instanceof Filter.And and) {
            return cb.and(and.filters().stream().map(f -> elementPredicate(f, owner, element)).toArray(Predicate[]::new));
        }
        if (filter instanceof Filter.Or or) {
            return cb.or(or.filters().stream().map(f -> elementPredicate(f, owner, element)).toArray(Predicate[]::new));
        }
        if (filter instanceof Filter.Not not) {
            return cb.not(elementPredicate(not.filter(), owner, element));
        }
        AttrPath path = filter instanceof Filter.Compare c ? c.path() : ((Filter.Present) filter).path();
        Attribute sub = subAttribute(owner, path);
        String indexPath = AttributeIndex.path(owner.extensionUrn(), owner.attribute(), sub);
        AttrPath full = new AttrPath(owner.extensionUrn(), owner.attribute().name(), sub.name());
        if (filter instanceof Filter.Present) {
            return cb.exists(indexed(indexPath, sub, CompareOp.PR, null, full, element));
        }
        Filter.Compare compare = (Filter.Compare) filter;
        if (compare.value() == null || compare.op() == CompareOp.NE) {
            CompareOp positive = compare.value() == null ? CompareOp.PR : CompareOp.EQ;
            Predicate exists = cb.exists(indexed(indexPath, sub, positive, compare.value(), full, element));
            return (compare.op() == CompareOp.EQ) == (compare.value() == null) ? cb.not(exists) : exists;
        }
        return cb.exists(indexed(indexPath, sub, compare.op(), compare.value(), full, element));
    }

    // --- membership (Group.members, User.groups) ----------------------------------------------------------------

    private Subquery<Integer> memberRows(Predicate extra) {
        QueryModel.Membership membership = model.membership();
        Subquery<Integer> rows = query.subquery(Integer.class);
        Root<MemberEntity> m = rows.from(MemberEntity.class);
        Predicate owner = cb.and(cb.equal(m.get(membership.ownerField()), root.get("id")),
                cb.equal(m.get("tenantId"), tenantId));
        rows.select(cb.literal(1)).where(extra == null ? owner : cb.and(owner, extra));
        return rows;
    }

    private Predicate membershipCompare(Target raw, CompareOp op, Object value, AttrPath path) {
        Target target = comparable(raw, path);
        Subquery<Integer> rows = memberRows(null);
        Root<?> m = rows.getRoots().iterator().next();
        CompareOp positive = op == CompareOp.NE ? CompareOp.EQ : op;
        rows.where(cb.and(rows.getRestriction(), memberTest(target.sub(), positive, value, m, path)));
        return op == CompareOp.NE ? cb.not(cb.exists(rows)) : cb.exists(rows);
    }

    private Predicate memberPredicate(Filter filter, Root<?> m, Target owner) {
        if (filter instanceof Filter.And and) {
            return cb.and(and.filters().stream().map(f -> memberPredicate(f, m, owner)).toArray(Predicate[]::new));
        }
        if (filter instanceof Filter.Or or) {
            return cb.or(or.filters().stream().map(f -> memberPredicate(f, m, owner)).toArray(Predicate[]::new));
        }
        if (filter instanceof Filter.Not not) {
            return cb.not(memberPredicate(not.filter(), m, owner));
        }
        AttrPath path = filter instanceof Filter.Compare c ? c.path() : ((Filter.Present) filter).path();
        Attribute sub = owner.attribute().subAttribute(path.name()).orElseThrow(() -> ScimException.invalidFilter("'"
                + owner.attribute().name() + "' has no sub-attribute '" + path.name() + "'; filter "
                + owner.attribute().name() + " by value, type or display"));
        AttrPath full = new AttrPath(null, owner.attribute().name(), sub.name());
        if (filter instanceof Filter.Present) {
            return memberPresent(sub, m, full);
        }
        Filter.Compare compare = (Filter.Compare) filter;
        if (compare.value() == null) {
            return switch (compare.op()) {
                case EQ -> cb.not(memberPresent(sub, m, full));
                case NE -> memberPresent(sub, m, full);
                default -> throw ScimException.invalidFilter("'" + full + " " + compare.op().keyword() + " null' "
                        + "compares with null: only eq null and ne null are meaningful");
            };
        }
        if (compare.op() == CompareOp.NE) {
            return cb.not(memberTest(sub, CompareOp.EQ, compare.value(), m, full));
        }
        return memberTest(sub, compare.op(), compare.value(), m, full);
    }

    /** {@code pr} of a membership's sub-attribute: every membership has a value, a type and a display name. */
    private Predicate memberPresent(Attribute sub, Root<?> m, AttrPath path) {
        if (sub.named("display")) {
            return cb.conjunction();
        }
        Path<Object> field = memberField(sub, m, path);
        return field == null ? cb.conjunction() : cb.isNotNull(field);
    }

    private Predicate memberTest(Attribute sub, CompareOp op, Object value, Root<?> m, AttrPath path) {
        if (sub.named("display")) {
            return memberDisplayTest(sub, op, value, m, path);
        }
        Path<Object> field = memberField(sub, m, path);
        if (field == null) {
            // the type of every User.groups value is "direct"
            boolean equal = "direct".equalsIgnoreCase(String.valueOf(value));
            return (op == CompareOp.EQ) == equal ? cb.conjunction() : cb.disjunction();
        }
        QueryModel.Matching matching = sub.named("type") ? QueryModel.Matching.LOWER : QueryModel.Matching.EXACT;
        return test(sub, op, value, path, field, matching);
    }

    /**
     * A comparison of a membership's {@code display}, which is not stored with it but is the name of the resource it
     * refers to, as {@link GroupStore#membersOf} shows it: a user's displayName, else its userName; a group's
     * displayName. Compared case-insensitively ({@code display} is not caseExact).
     */
    private Predicate memberDisplayTest(Attribute sub, CompareOp op, Object value, Root<?> m, AttrPath path) {
        Expression<String> referenced = m.get(model.membership().valueField());
        Subquery<Integer> users = query.subquery(Integer.class);
        Root<UserEntity> u = users.from(UserEntity.class);
        users.select(cb.literal(1)).where(cb.equal(u.get("id"), referenced), cb.equal(u.get("tenantId"), tenantId),
                test(sub, op, value, path, cb.coalesce(u.<String>get("displayName"), u.<String>get("userName")),
                        QueryModel.Matching.LOWER));
        Subquery<Integer> groups = query.subquery(Integer.class);
        Root<GroupEntity> g = groups.from(GroupEntity.class);
        groups.select(cb.literal(1)).where(cb.equal(g.get("id"), referenced), cb.equal(g.get("tenantId"), tenantId),
                test(sub, op, value, path, g.get("displayNameKey"), QueryModel.Matching.KEY_COLUMN));
        return cb.or(cb.exists(users), cb.exists(groups));
    }

    private Path<Object> memberField(Attribute sub, Root<?> m, AttrPath path) {
        QueryModel.Membership membership = model.membership();
        if (sub.named("value")) {
            return m.get(membership.valueField());
        }
        if (sub.named("type")) {
            return membership.typeField() == null ? null : m.get(membership.typeField());
        }
        throw ScimException.invalidFilter("'" + path + "' cannot be used in filters: it is derived from value and "
                + "type; filter " + membership.attribute() + " by value, type or display");
    }
}
