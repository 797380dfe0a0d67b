package com.leadcast.fuzz;

import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random SCIM filters (RFC 7644 §3.4.2.2) over the attributes of Users and Groups, as trees, and two renderings: the
 * canonical text of {@link Filter#toString()} and the shortest text that precedence allows ({@link #minimal}).
 */
public final class FilterGenerator {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    /** Attribute paths of both resource types, a few unknown ones and case variants among them. */
    private static final List<AttrPath> PATHS = List.of(
            AttrPath.of("userName"), AttrPath.of("displayName"), AttrPath.of("title"), AttrPath.of("active"),
            AttrPath.of("externalId"), AttrPath.of("id"), AttrPath.of("nickName"), AttrPath.of("userType"),
            AttrPath.of("locale"), AttrPath.of("timezone"), AttrPath.of("USERNAME"), AttrPath.of("password"),
            new AttrPath(null, "name", "givenName"), new AttrPath(null, "name", "familyName"),
            new AttrPath(null, "emails", "value"), new AttrPath(null, "emails", "type"),
            new AttrPath(null, "emails", "primary"), new AttrPath(null, "phoneNumbers", "value"),
            new AttrPath(null, "addresses", "postalCode"), new AttrPath(null, "roles", "value"),
            new AttrPath(null, "groups", "value"), new AttrPath(null, "members", "value"),
            new AttrPath(null, "members", "type"), new AttrPath(null, "meta", "created"),
            new AttrPath(null, "meta", "lastModified"), new AttrPath(null, "meta", "resourceType"),
            new AttrPath(null, "meta", "version"), new AttrPath(ENTERPRISE, "employeeNumber", null),
            new AttrPath(ENTERPRISE, "department", null), new AttrPath(ENTERPRISE, "manager", "value"),
            new AttrPath(CORE_USER, "userName", null), new AttrPath(CORE_USER, "name", "givenName"),
            AttrPath.of("nosuchAttribute"), new AttrPath(null, "name", "nosuch"), new AttrPath("urn:x:y", "z", null));

    /** Multi-valued attributes with the sub-attributes a value filter may name. */
    private static final List<String> MULTI = List.of("emails", "phoneNumbers", "addresses", "roles", "members",
            "groups", "entitlements", "x509Certificates");
    private static final List<String> SUB = List.of("value", "type", "primary", "display", "$ref", "postalCode",
            "nosuch");

    private final Random random;
    private final boolean allowKnown;

    /** A generator drawing from {@code random}; {@code allowKnown} false keeps NUL, lone surrogates and 'İ' out. */
    public FilterGenerator(Random random, boolean allowKnown) {
        this.random = random;
        this.allowKnown = allowKnown;
    }

    /** A filter tree of at most {@code depth} levels of {@code and}/{@code or}/{@code not}. */
    public Filter filter(int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return random.nextInt(6) == 0 ? valuePath() : atom(PATHS.get(random.nextInt(PATHS.size())));
        }
        return switch (random.nextInt(5)) {
            case 0 -> new Filter.Not(filter(depth - 1));
            case 1, 2 -> new Filter.And(operands(depth));
            default -> new Filter.Or(operands(depth));
        };
    }

    private List<Filter> operands(int depth) {
        List<Filter> operands = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            operands.add(filter(depth - 1));
        }
        return operands;
    }

    private Filter valuePath() {
        return new Filter.ValuePath(AttrPath.of(MULTI.get(random.nextInt(MULTI.size()))), subFilter(2));
    }

    private Filter subFilter(int depth) {
        if (depth <= 0 || random.nextBoolean()) {
            return atom(AttrPath.of(SUB.get(random.nextInt(SUB.size()))));
        }
        List<Filter> operands = List.of(subFilter(depth - 1), subFilter(depth - 1));
        return switch (random.nextInt(3)) {
            case 0 -> new Filter.Not(subFilter(depth - 1));
            case 1 -> new Filter.And(operands);
            default -> new Filter.Or(operands);
        };
    }

    private Filter atom(AttrPath path) {
        if (random.nextInt(8) == 0) {
            return new Filter.Present(path);
        }
        CompareOp[] ops = CompareOp.values();
        CompareOp op;
        do {
            op = ops[random.nextInt(ops.length)];
        } while (op == CompareOp.PR);
        return new Filter.Compare(path, op, value());
    }

    /** A comparison value: a string (often tricky), a long, a decimal with a fraction, a boolean or null. */
    public Object value() {
        return switch (random.nextInt(11)) {
            case 10 -> new BigDecimal((random.nextBoolean() ? "1E+" : "-1E-") + (999_999_000 + random.nextInt(999)));
            case 0 -> random.nextLong();
            case 1 -> (long) random.nextInt(100);
            case 2 -> BigDecimal.valueOf(random.nextLong(), 1 + random.nextInt(12));
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5, 6 -> allowKnown ? TrickyText.any(random).text() : TrickyText.ordinary(random);
            default -> "value" + random.nextInt(50);
        };
    }

    /**
     * The text with the fewest parentheses that still parses to {@code filter}: {@code and} binds tighter than
     * {@code or} (RFC 7644 §3.4.2.2, Table 3), so only an {@code or} inside an {@code and} needs them.
     */
    public static String minimal(Filter filter) {
        if (filter instanceof Filter.Or or) {
            return join(or.filters(), " or ", false);
        }
        if (filter instanceof Filter.And and) {
            return join(and.filters(), " and ", true);
        }
        if (filter instanceof Filter.Not not) {
            return "not (" + minimal(not.filter()) + ")";
        }
        if (filter instanceof Filter.ValuePath valuePath) {
            return valuePath.attribute() + "[" + minimal(valuePath.filter()) + "]";
        }
        return filter.toString();
    }

    private static String join(List<Filter> operands, String operator, boolean wrapOr) {
        List<String> parts = new ArrayList<>();
        for (Filter operand : operands) {
            String text = minimal(operand);
            parts.add(wrapOr && operand instanceof Filter.Or ? "(" + text + ")" : text);
        }
        return String.join(operator, parts);
    }
}
