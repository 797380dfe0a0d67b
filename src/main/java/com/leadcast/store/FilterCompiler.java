package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.query.OtherResourceTypes;
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
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles a SCIM filter (RFC 7644 §3.4.2.2) to a JPA criteria predicate, so that the database does all filtering:
 * attributes with columns compare on them, membership attributes become {@code EXISTS} over membership rows, and
 * every other attribute becomes {@code EXISTS} over the {@link AttributeIndex}; a value filter
 * ({@code emails[type eq "work" and value co "@x"]}) requires all its terms to hold for one element. A membership's
 * {@code value} and {@code type} are columns of its row, its {@code display} the name of the resource it refers to,
 * and {@code $ref} (derived from the request's URL) cannot be filtered on.
 *
 * <p>Semantics: comparisons follow the attribute's type and {@code caseExact} (see {@link Comparison}); on a
 * multi-valued attribute a comparison holds if any value satisfies it, and {@code ne} holds if no value equals the
 * operand (so it matches resources without the attribute); {@code eq null} means "not present"; {@code not (f)}
 * holds exactly where {@code f} does not, also for resources without the attribute. Unknown attributes are
 * {@code invalidFilter}: a filter is never silently ignored. So are write-only attributes ({@code password}), of
 * which only a hash is kept.
 *
 * <p>Where other resource types are searched together with this one ({@link OtherResourceTypes}, the root
 * {@code /.search}), an attribute path this type does not define but one of them does is not present on any of
 * this type's resources, and compiles to a constant as a resource without the attribute would answer: {@code pr},
 * {@code eq}, {@code co}, {@code sw}, {@code ew}, {@code gt}, {@code ge}, {@code lt}, {@code le} and a value filter
 * {@code x[...]} are false, {@code ne} and {@code eq null} true, each negated by an enclosing {@code not}. The other
 * type compiles the same term against the attribute and refuses what is not valid there.
 *
 * <p>Negation is pushed down to the comparisons (De Morgan), each of which builds its negative form itself and
 * never negates a predicate twice: SQL makes a negated comparison with a NULL column unknown rather than true, and
 * Hibernate 6.6 renders {@code not(not(a > b))} as {@code a <= b}.
 */
final class FilterCompiler {

    private final CriteriaBuilder cb;
    private final CommonAbstractCriteria query;
    private final Root<?> root;
    private final QueryModel model;
    private final String tenantId;
    private final Comparison comparison;
    private final OtherResourceTypes otherTypes;

    private FilterCompiler(CriteriaBuilder cb, CommonAbstractCriteria query, Root<?> root, QueryModel model,
                           String tenantId, OtherResourceTypes otherTypes) {
        this.cb = cb;
        this.query = query;
        this.root = root;
        this.model = model;
        this.tenantId = tenantId;
        this.comparison = new Comparison(cb);
        this.otherTypes = otherTypes;
    }

    /**
     * {@code filter} as a predicate on the resources {@code root} of the model's type.
     *
     * @param otherTypes the resource types searched together with this one, whose attributes the filter may name
     *                   as not present here ({@link OtherResourceTypes#NONE}: a query of this type alone)
     */
    static Predicate compile(Filter filter, OtherResourceTypes otherTypes, CriteriaBuilder cb, AbstractQuery<?> query,
                             Root<?> root, QueryModel model, String tenantId) {
        return new FilterCompiler(cb, query, root, model, tenantId, otherTypes).predicate(filter, false);
    }

    /**
     * Compiles the filter of a membership value path, the {@code type eq "Group"} of {@code members[type eq "Group"]},
     * to a predicate on the membership rows {@code m} themselves, for a statement over those rows such as the
     * {@code DELETE} of a PATCH remove. The sub-attributes compare as in a resource filter.
     */
    static Predicate compileMembership(Filter valueFilter, CriteriaBuilder cb, CommonAbstractCriteria statement,
                                       Root<MemberEntity> m, QueryModel model, String tenantId) {
        FilterCompiler compiler = new FilterCompiler(cb, statement, null, model, tenantId, OtherResourceTypes.NONE);
        Target owner = compiler.target(AttrPath.of(model.membership().attribute()));
        return compiler.memberPredicate(valueFilter, m, owner, false);
    }

    /** {@code filter}, or its negation: a predicate that is true or false for every resource, never unknown. */
    private Predicate predicate(Filter filter, boolean negated) {
        if (filter instanceof Filter.And and) {
            return junction(!negated, and.filters(), f -> predicate(f, negated));
        }
        if (filter instanceof Filter.Or or) {
            return junction(negated, or.filters(), f -> predicate(f, negated));
        }
        if (filter instanceof Filter.Not not) {
            return predicate(not.filter(), !negated);
        }
        if (filter instanceof Filter.Present present) {
            return absent(present.path()) ? constant(negated) : present(target(present.path()), negated);
        }
        if (filter instanceof Filter.Compare compare) {
            return absent(compare.path()) ? absentCompare(compare, negated)
                    : compare(target(compare.path()), compare.op(), compare.value(), compare.path(), negated);
        }
        Filter.ValuePath valuePath = (Filter.ValuePath) filter;
        return absent(valuePath.attribute()) ? constant(negated) : valuePath(valuePath, negated);
    }

    private Predicate junction(boolean and, List<Filter> filters, Function<Filter, Predicate> compile) {
        Predicate[] parts = filters.stream().map(compile).toArray(Predicate[]::new);
        return and ? cb.and(parts) : cb.or(parts);
    }

    /** {@code fresh}, a predicate just built and not negated, or its negation. */
    private Predicate negatedIf(boolean negated, Predicate fresh) {
        return negated ? cb.not(fresh) : fresh;
    }

    private Predicate constant(boolean value) {
        return value ? cb.conjunction() : cb.disjunction();
    }

    // --- attributes of the other types searched ------------------------------------------------------------------

    /** Whether {@code path} is an attribute of another type searched, not of this one: present on no resource. */
    private boolean absent(AttrPath path) {
        return !model.type().defines(path.uri(), path.name(), path.subAttr()) && otherTypes.define(path);
    }

    /**
     * A comparison of an attribute no resource has, or its negation: as for a resource without the attribute,
     * {@code eq null} and {@code ne} hold, every other comparison does not.
     */
    private Predicate absentCompare(Filter.Compare compare, boolean negated) {
        if (compare.value() == null) {
            Comparison.requirePresenceTest(compare.op(), compare.path());
            return constant((compare.op() == CompareOp.EQ) != negated);
        }
        return constant((compare.op() == CompareOp.NE) != negated);
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

        /** {@code meta.resourceType}: the same for every resource of the query's type. */
        boolean isResourceType() {
            return common && attribute.named("meta") && sub != null && sub.named("resourceType");
        }
    }

    private Target target(AttrPath path) {
        ResourceType type = model.type();
        ResourceType.AttributeRef ref = type.resolve(path.uri(), path.name()).orElseThrow(() ->
                ScimException.invalidFilter("The filter names '" + path + "', which is not an attribute of "
                        + searchedTypes()));
        Attribute attribute = filterable(ref.attribute(), path);
        boolean common = !ref.inExtension() && type.commonAttributes().contains(attribute);
        Attribute sub = null;
        if (path.subAttr() != null) {
            if (!attribute.isComplex()) {
                throw ScimException.invalidFilter("'" + attribute.name() + "' has no sub-attributes (filter names '"
                        + path + "')");
            }
            sub = filterable(attribute.subAttribute(path.subAttr()).orElseThrow(() -> ScimException.invalidFilter(
                    "'" + attribute.name() + "' has no sub-attribute '" + path.subAttr() + "'")), path);
        }
        return new Target(ref.extensionUrn(), attribute, sub, common);
    }

    /** The names of the types searched, for a detail: "User", or "User or Group" at the root. */
    private String searchedTypes() {
        return Stream.concat(Stream.of(model.type()), otherTypes.types().stream()).map(ResourceType::name)
                .collect(Collectors.joining(" or "));
    }

    /** {@code attribute}, unless it is write-only: only a hash of a password is kept, nothing to compare with. */
    private static Attribute filterable(Attribute attribute, Object shown) {
        if (attribute.writeOnly()) {
            throw ScimException.invalidFilter(shown + " is write-only and cannot be filtered on");
        }
        return attribute;
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

    /**
     * The column of {@code target}, or null where it is in the index; common attributes are filterable only by a
     * column ({@code meta.location} and {@code meta.version} are refused).
     */
    private QueryModel.Column column(Target target, String shown) {
        QueryModel.Column column = model.columns().get(target.key());
        if (column == null && target.common()) {
            throw ScimException.invalidFilter("'" + shown + "' cannot be used in filters");
        }
        return column;
    }

    // --- pr -------------------------------------------------------------------------------------------------------

    private Predicate present(Target target, boolean negated) {
        if (isMembership(target)) {
            return negatedIf(negated, cb.exists(memberRows()));
        }
        if (target.isResourceType()) {
            return constant(!negated);
        }
        if (target.common()) {
            Path<Object> field = root.get(column(target, target.key()).field());
            return negated ? cb.isNull(field) : cb.isNotNull(field);
        }
        Subquery<String> rows = query.subquery(String.class);
        Root<AttributeValueEntity> v = rows.from(AttributeValueEntity.class);
        rows.select(v.get("resourceId")).where(cb.equal(v.get("tenantId"), tenantId), v.get("path").in(paths(target)));
        return negatedIf(negated, root.get("id").in(rows));
    }

    private List<String> paths(Target target) {
        if (target.sub() != null || !target.attribute().isComplex()) {
            return List.of(AttributeIndex.path(target.extensionUrn(), target.attribute(), target.sub()));
        }
        return target.attribute().subAttributes().stream()
                .map(s -> AttributeIndex.path(target.extensionUrn(), target.attribute(), s)).toList();
    }

    // --- comparisons ----------------------------------------------------------------------------------------------

    private Predicate compare(Target raw, CompareOp op, Object value, AttrPath path, boolean negated) {
        if (value == null) {
            Comparison.requirePresenceTest(op, path);
            return present(raw, (op == CompareOp.EQ) != negated);
        }
        if (isMembership(raw)) {
            return membershipCompare(raw, op, value, path, negated);
        }
        Target target = comparable(raw, path);
        // ne is the negation of eq (no value equals the operand); wanted: the resources where some value passes
        CompareOp tested = op == CompareOp.NE ? CompareOp.EQ : op;
        boolean wanted = (op != CompareOp.NE) != negated;
        if (target.isResourceType()) {
            return constant(Comparison.holds(model.type().name(), tested, value) == wanted);
        }
        QueryModel.Column column = column(target, path.toString());
        if (column != null) {
            // a column may be NULL (externalId): the resource has no value, so the comparison is false, not unknown
            Path<Object> field = root.get(column.field());
            Predicate test = comparison.test(target.leaf(), tested, value, path, field, column.matching());
            return wanted ? cb.and(cb.isNotNull(field), test) : cb.or(cb.isNull(field), cb.not(test));
        }
        String indexPath = AttributeIndex.path(target.extensionUrn(), target.attribute(), target.sub());
        return negatedIf(!wanted, root.get("id").in(indexed(indexPath, target.leaf(), tested, value, path, null)));
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
                // tied to a row of the driving term: the row's primary key finds the element's other sub-attribute.
                // The row is confined to the driving row's tenant by "is not distinct from", not "=": PostgreSQL
                // derives tenant_id = <the tenant> from an equality, and a planner without statistics then walks
                // the (tenant_id, path, value_key) index over every element of the tenant (PostgresQueryPlans saw
                // 7,956 rows for one e-mail); this condition only filters the one row the primary key finds.
                : cb.and(cb.equal(v.get("resourceId"), element.resourceId()), cb.equal(v.get("path"), indexPath),
                        cb.equal(v.get("elementIndex"), element.index()),
                        ((HibernateCriteriaBuilder) cb).notDistinctFrom(v.get("tenantId"), element.tenant()));
        if (op != CompareOp.PR) {
            where = cb.and(where, indexComparison(v, leaf, op, value, path));
        }
        return rows.select(v.get("resourceId")).where(where);
    }

    /** One element of a multi-valued attribute, as the row of a value filter's driving term sees it. */
    private record Element(Expression<String> resourceId, Expression<Integer> index, Expression<String> tenant) {
    }

    private Predicate indexComparison(Root<AttributeValueEntity> v, Attribute leaf, CompareOp op, Object value,
                                      AttrPath path) {
        return comparison.test(leaf, op, value, path, indexField(v, leaf), leaf.caseExact()
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

    // --- value filters ----------------------------------------------------------------------------------------

    private Predicate valuePath(Filter.ValuePath valuePath, boolean negated) {
        Target target = target(valuePath.attribute());
        if (isMembership(target)) {
            Subquery<Integer> rows = memberRows();
            Root<?> m = rows.getRoots().iterator().next();
            rows.where(cb.and(rows.getRestriction(), memberPredicate(valuePath.filter(), m, target, false)));
            return negatedIf(negated, cb.exists(rows));
        }
        if (!target.attribute().isComplex() || target.common()) {
            throw ScimException.invalidFilter("'" + valuePath.attribute() + "[...]' needs a multi-valued complex "
                    + "attribute such as emails or addresses");
        }
        // one index row drives the search: the most selective positive comparison of the filter if there is one
        // (so Entra's emails[type eq "work"].value eq "x" is an index look-up of the value, not a walk over every
        // work address), else any row of the attribute
        List<Filter> terms = valuePath.filter() instanceof Filter.And and ? and.filters() : List.of(valuePath.filter());
        Filter.Compare driver = terms.stream()
                .filter(t -> t instanceof Filter.Compare c && c.value() != null && c.op() != CompareOp.NE)
                .map(Filter.Compare.class::cast)
                .min(Comparator.comparingInt(c -> selectivity(subAttribute(target, c.path()), c.op())))
                .orElse(null);
        Subquery<String> elements = query.subquery(String.class);
        Root<AttributeValueEntity> e = elements.from(AttributeValueEntity.class);
        Element element = new Element(e.get("resourceId"), e.get("elementIndex"), e.get("tenantId"));
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(e.get("tenantId"), tenantId));
        if (driver != null) {
            Attribute sub = subAttribute(target, driver.path());
            where.add(cb.equal(e.get("path"), AttributeIndex.path(target.extensionUrn(), target.attribute(), sub)));
            where.add(indexComparison(e, sub, driver.op(), driver.value(),
                    new AttrPath(target.extensionUrn(), target.attribute().name(), sub.name())));
            terms.stream().filter(t -> t != driver)
                    .forEach(t -> where.add(elementPredicate(t, target, element, false)));
        } else {
            where.add(e.get("path").in(paths(target)));
            where.add(elementPredicate(valuePath.filter(), target, element, false));
        }
        elements.select(e.get("resourceId")).where(where.toArray(Predicate[]::new));
        return negatedIf(negated, root.get("id").in(elements));
    }

    /**
     * How few elements a comparison of {@code sub} is expected to match, smallest first, to choose the term that
     * drives a value filter: equality of a free value (an address, an id) is a look-up of one key; a range or prefix
     * reads a slice of the index; equality of a boolean or of a canonical value ({@code type eq "work"},
     * {@code primary eq true}) matches nearly every element; {@code co} and {@code ew} cannot use the index at all.
     * Ties keep the filter's order.
     */
    static int selectivity(Attribute sub, CompareOp op) {
        boolean fewValues = sub.type() == AttributeType.BOOLEAN || !sub.canonicalValues().isEmpty();
        return switch (op) {
            case EQ -> fewValues ? 3 : 0;
            case SW, GT, GE, LT, LE -> fewValues ? 3 : 1;
            default -> 4;
        };
    }

    private static Attribute subAttribute(Target owner, AttrPath path) {
        return filterable(owner.attribute().subAttribute(path.name()).orElseThrow(() -> ScimException.invalidFilter(
                "'" + owner.attribute().name() + "' has no sub-attribute '" + path.name() + "'"
                + (owner.attribute().named("members") || owner.attribute().named("groups")
                ? "; filter " + owner.attribute().name() + " by value, type or display" : ""))),
                owner.attribute().name() + "." + path.name());
    }

    /** The value filter's terms, or their negation, each an {@code EXISTS} on the same element. */
    private Predicate elementPredicate(Filter filter, Target owner, Element element, boolean negated) {
        if (filter instanceof Filter.And and) {
            return junction(!negated, and.filters(), f -> elementPredicate(f, owner, element, negated));
        }
        if (filter instanceof Filter.Or or) {
            return junction(negated, or.filters(), f -> elementPredicate(f, owner, element, negated));
        }
        if (filter instanceof Filter.Not not) {
            return elementPredicate(not.filter(), owner, element, !negated);
        }
        AttrPath path = filter instanceof Filter.Compare c ? c.path() : ((Filter.Present) filter).path();
        Attribute sub = subAttribute(owner, path);
        String indexPath = AttributeIndex.path(owner.extensionUrn(), owner.attribute(), sub);
        AttrPath full = new AttrPath(owner.extensionUrn(), owner.attribute().name(), sub.name());
        if (filter instanceof Filter.Present) {
            return negatedIf(negated, cb.exists(indexed(indexPath, sub, CompareOp.PR, null, full, element)));
        }
        Filter.Compare compare = (Filter.Compare) filter;
        if (compare.value() == null) {
            Comparison.requirePresenceTest(compare.op(), full);
            boolean present = (compare.op() == CompareOp.NE) != negated;
            return negatedIf(!present, cb.exists(indexed(indexPath, sub, CompareOp.PR, null, full, element)));
        }
        CompareOp tested = compare.op() == CompareOp.NE ? CompareOp.EQ : compare.op();
        boolean wanted = (compare.op() != CompareOp.NE) != negated;
        return negatedIf(!wanted, cb.exists(indexed(indexPath, sub, tested, compare.value(), full, element)));
    }

    // --- membership (Group.members, User.groups) ----------------------------------------------------------------

    private Subquery<Integer> memberRows() {
        QueryModel.Membership membership = model.membership();
        Subquery<Integer> rows = query.subquery(Integer.class);
        Root<MemberEntity> m = rows.from(MemberEntity.class);
        rows.select(cb.literal(1)).where(cb.equal(m.get(membership.ownerField()), root.get("id")),
                cb.equal(m.get("tenantId"), tenantId));
        return rows;
    }

    private Predicate membershipCompare(Target raw, CompareOp op, Object value, AttrPath path, boolean negated) {
        Target target = comparable(raw, path);
        Subquery<Integer> rows = memberRows();
        Root<?> m = rows.getRoots().iterator().next();
        CompareOp tested = op == CompareOp.NE ? CompareOp.EQ : op;
        rows.where(cb.and(rows.getRestriction(), memberTest(target.sub(), tested, value, m, path, true)));
        boolean wanted = (op != CompareOp.NE) != negated;
        return negatedIf(!wanted, cb.exists(rows));
    }

    /** A value filter's terms, or their negation, on one membership row {@code m}. */
    private Predicate memberPredicate(Filter filter, Root<?> m, Target owner, boolean negated) {
        if (filter instanceof Filter.And and) {
            return junction(!negated, and.filters(), f -> memberPredicate(f, m, owner, negated));
        }
        if (filter instanceof Filter.Or or) {
            return junction(negated, or.filters(), f -> memberPredicate(f, m, owner, negated));
        }
        if (filter instanceof Filter.Not not) {
            return memberPredicate(not.filter(), m, owner, !negated);
        }
        AttrPath path = filter instanceof Filter.Compare c ? c.path() : ((Filter.Present) filter).path();
        Attribute sub = subAttribute(owner, path);
        AttrPath full = new AttrPath(null, owner.attribute().name(), sub.name());
        Filter.Compare compare = filter instanceof Filter.Compare c ? c : null;
        if (compare == null || compare.value() == null) {
            if (compare != null) {
                Comparison.requirePresenceTest(compare.op(), full);
            }
            // value, type and display are never null on a membership row (the type of a user's groups is a constant,
            // every member has a name)
            boolean present = (compare == null || compare.op() == CompareOp.NE) != negated;
            if (sub.named("display")) {
                return constant(present);
            }
            Path<Object> field = memberField(sub, m, full);
            return field == null ? constant(present) : present ? cb.isNotNull(field) : cb.isNull(field);
        }
        CompareOp tested = compare.op() == CompareOp.NE ? CompareOp.EQ : compare.op();
        boolean wanted = (compare.op() != CompareOp.NE) != negated;
        return memberTest(sub, tested, compare.value(), m, full, wanted);
    }

    /** {@code sub op value} on membership row {@code m}, or its negation where not {@code wanted}. */
    private Predicate memberTest(Attribute sub, CompareOp op, Object value, Root<?> m, AttrPath path, boolean wanted) {
        if (sub.named("display")) {
            return negatedIf(!wanted, memberDisplayTest(sub, op, value, m, path));
        }
        Path<Object> field = memberField(sub, m, path);
        if (field == null) {
            // the type of every User.groups value is "direct"
            return constant(Comparison.holds("direct", op, value) == wanted);
        }
        // value is caseExact=false in both schemas: the ids it holds are server-assigned, lower-case UUIDs, so a
        // lower-cased operand compares without lowering the column (which keeps the member index usable)
        QueryModel.Matching matching = sub.named("type") ? QueryModel.Matching.LOWER : QueryModel.Matching.KEY_COLUMN;
        return negatedIf(!wanted, comparison.test(sub, op, value, path, field, matching));
    }

    /**
     * A comparison of a membership's {@code display}, which is not stored with it but is the name of the resource it
     * refers to, as {@link GroupStore#membersOf} shows it: a user's displayName, else its userName; a group's
     * displayName. Compared case-insensitively ({@code display} is not caseExact); never unknown.
     */
    private Predicate memberDisplayTest(Attribute sub, CompareOp op, Object value, Root<?> m, AttrPath path) {
        Expression<String> referenced = m.get(model.membership().valueField());
        Subquery<Integer> users = query.subquery(Integer.class);
        Root<UserEntity> u = users.from(UserEntity.class);
        users.select(cb.literal(1)).where(cb.equal(u.get("id"), referenced), cb.equal(u.get("tenantId"), tenantId),
                comparison.test(sub, op, value, path, cb.coalesce(u.<String>get("displayName"),
                        u.<String>get("userName")), QueryModel.Matching.LOWER));
        Subquery<Integer> groups = query.subquery(Integer.class);
        Root<GroupEntity> g = groups.from(GroupEntity.class);
        groups.select(cb.literal(1)).where(cb.equal(g.get("id"), referenced), cb.equal(g.get("tenantId"), tenantId),
                comparison.test(sub, op, value, path, g.get("displayNameKey"), QueryModel.Matching.KEY_COLUMN));
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
