package com.leadcast.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.CompareOp;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.filter.FilterException;
import com.leadcast.scim.filter.FilterParser;
import com.leadcast.scim.filter.PatchPath;
import com.leadcast.scim.patch.PatchOperation.Op;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.Mutability;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a resource document, in order. The caller checks the result with
 * the schema afterwards and stores it only if every operation succeeded, which makes a PATCH atomic.
 *
 * <p>Semantics, per target:
 * <ul>
 *   <li>no {@code path}: the value is an object whose keys are attribute paths (plain, dotted such as
 *       {@code name.givenName}, or URN-qualified), each applied as if it were the path (§3.5.2.1, §3.5.2.3);</li>
 *   <li>a single-valued attribute: {@code add} and {@code replace} set it, merging the sub-attributes of a complex
 *       one; {@code remove} clears it;</li>
 *   <li>a multi-valued attribute: {@code add} appends values not already present, {@code replace} replaces the
 *       list, {@code remove} clears it or, given a {@code value} list, removes just those values;</li>
 *   <li>a value filter ({@code emails[type eq "work"].value}): the operation applies to the matching values; an
 *       {@code add} or {@code replace} that matches nothing creates the value described by the filter when the filter
 *       is a conjunction of {@code eq} comparisons, otherwise it is {@code noTarget};</li>
 *   <li>a value marked {@code primary} clears {@code primary} on the attribute's other values (RFC 7643 §2.4);</li>
 *   <li>once all operations ran, a value that a value-filtered operation left holding nothing but its
 *       qualifiers ({@code type}, {@code primary}) is dropped: {@code replace emails[type eq "work"].value ""} removes
 *       the work e-mail rather than leaving {@code {"type": "work"}} behind;</li>
 *   <li>a {@code remove} whose value filter matches nothing changes nothing and succeeds: RFC 7644 §3.5.2.2 asks
 *       {@code noTarget} only of a remove without a path, and a client removing a value need not know whether it is
 *       still there (Microsoft Entra ID removes group members so);</li>
 *   <li>an attribute kept outside the document (a group's {@code members}) receives its operations as set
 *       operations, see {@link ExternalAttribute}.</li>
 * </ul>
 * Attribute names the resource type does not define are ignored, as for POST and PUT.
 */
public final class PatchEngine {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceType type;
    private final ObjectNode document;
    private final Map<String, ExternalAttribute> externals;
    /** The targets of value-filtered operations, with where they are: cleaned up after the last operation. */
    private final List<Filtered> filteredTargets = new ArrayList<>();

    private record Filtered(Target target, ResourceType.AttributeRef ref) {
    }

    private PatchEngine(ResourceType type, ObjectNode document, Map<String, ExternalAttribute> externals) {
        this.type = type;
        this.document = document;
        this.externals = externals;
    }

    /**
     * Applies {@code operations} to {@code document} (changed in place). Operations on a top-level attribute named
     * in {@code externals} go to that receiver.
     */
    public static void apply(ResourceType type, ObjectNode document, List<PatchOperation> operations,
                             Map<String, ExternalAttribute> externals) {
        PatchEngine engine = new PatchEngine(type, document, externals);
        for (int i = 0; i < operations.size(); i++) {
            engine.apply(operations.get(i), "Operations[" + i + "]");
        }
        engine.dropQualifierOnlyValues();
    }

    /**
     * Drops the values that value-filtered operations left without data. Done after the last operation, not after
     * each: Entra may set {@code emails[type eq "work"].primary} before {@code emails[type eq "work"].value}.
     */
    private void dropQualifierOnlyValues() {
        for (Filtered filtered : filteredTargets) {
            filtered.target().dropQualifierOnlyValues();
            dropIfEmptyExtension(filtered.ref(), filtered.target().container());
        }
    }

    private void apply(PatchOperation operation, String where) {
        if (operation.path() == null) {
            applyWithoutPath(operation, where);
            return;
        }
        Optional<SchemaExtension> wholeExtension = type.extension(operation.path());
        if (wholeExtension.isPresent()) {
            applyToExtension(operation.op(), wholeExtension.get(), operation.value(), where);
            return;
        }
        PatchPath path;
        try {
            path = FilterParser.parsePath(operation.path());
        } catch (FilterException e) {
            throw ScimException.invalidPath(where + ": " + e.getMessage());
        }
        applyAt(operation.op(), path, operation.value(), where);
    }

    /** §3.5.2.1/§3.5.2.3 without "path": each key of the value object is a path of its own. */
    private void applyWithoutPath(PatchOperation operation, String where) {
        JsonNode value = operation.value();
        if (!value.isObject()) {
            throw ScimException.invalidValue(where + ": without a \"path\" the value must be an object of "
                    + "attributes");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            Optional<SchemaExtension> extension = type.extension(key);
            if (extension.isPresent()) {
                applyToExtension(operation.op(), extension.get(), field.getValue(), where);
                continue;
            }
            PatchPath path;
            try {
                path = FilterParser.parsePath(key);
            } catch (FilterException e) {
                throw ScimException.invalidPath(where + ": the value's key \"" + key + "\" is not an attribute path: "
                        + e.getMessage());
            }
            applyAt(operation.op(), path, field.getValue(), where);
        }
    }

    private void applyToExtension(Op op, SchemaExtension extension, JsonNode value, String where) {
        String urn = extension.schema().id();
        if (op == Op.REMOVE) {
            document.remove(urn);
            return;
        }
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue(where + ": the value for " + urn + " must be an object of its attributes");
        }
        value.fields().forEachRemaining(field -> {
            // each key is a path within the extension, as the keys of a path-less value are paths of the resource
            PatchPath path;
            try {
                path = FilterParser.parsePath(urn + ":" + field.getKey());
            } catch (FilterException e) {
                throw ScimException.invalidPath(where + ": the key \"" + field.getKey() + "\" of " + urn
                        + " is not an attribute path: " + e.getMessage());
            }
            applyAt(op, path, field.getValue(), where);
        });
    }

    private void applyAt(Op op, PatchPath path, JsonNode value, String where) {
        AttrPath attrPath = path.attribute();
        Optional<ResourceType.AttributeRef> resolved = type.resolve(attrPath.uri(), attrPath.name());
        if (resolved.isEmpty()) {
            return; // not an attribute of this resource type: ignored, as POST and PUT ignore it
        }
        Attribute attribute = resolved.get().attribute();
        String subName = path.subAttr() != null ? path.subAttr() : attrPath.subAttr();
        Attribute sub = null;
        if (subName != null) {
            sub = attribute.subAttribute(subName).orElseThrow(() -> ScimException.invalidPath(where + ": '"
                    + attribute.name() + "' has no sub-attribute '" + subName + "'"));
        }
        if (attribute.mutability() == Mutability.READ_ONLY || (sub != null && sub.mutability() == Mutability.READ_ONLY)) {
            throw ScimException.mutability(where + ": '" + path + "' is read-only");
        }
        ExternalAttribute external = resolved.get().inExtension() ? null : externals.get(attribute.name());
        if (external != null) {
            applyExternal(external, op, attribute, path.valueFilter(), sub, value, where);
            return;
        }
        ObjectNode container = container(resolved.get(), op != Op.REMOVE);
        if (container == null) {
            return;
        }
        Target target = new Target(container, attribute, sub, where);
        if (path.valueFilter() != null) {
            target.filtered(op, path.valueFilter(), value);
            filteredTargets.add(new Filtered(target, resolved.get()));
        } else if (sub != null) {
            target.subAttribute(op, value);
        } else {
            target.whole(op, value);
        }
        dropIfEmptyExtension(resolved.get(), container);
    }

    /** An extension block left without attributes is removed, its schema URN with it. */
    private void dropIfEmptyExtension(ResourceType.AttributeRef ref, ObjectNode container) {
        if (ref.inExtension() && container.isEmpty()) {
            document.remove(ref.extensionUrn());
        }
    }

    private ObjectNode container(ResourceType.AttributeRef ref, boolean create) {
        if (!ref.inExtension()) {
            return document;
        }
        JsonNode block = document.get(ref.extensionUrn());
        if (block instanceof ObjectNode object) {
            return object;
        }
        return create ? document.putObject(ref.extensionUrn()) : null;
    }

    /**
     * An operation on an attribute kept outside the document ({@link ExternalAttribute}), such as a group's
     * {@code members}: add, replace or remove of values, or remove of the values a filter matches. Its values cannot be
     * changed in place, so a sub-attribute path or a replace by filter ({@code members[value eq "a"]}, whose values'
     * sub-attributes are all immutable) is {@code invalidPath}, naming what to send instead. What the receiver refuses
     * is reported with the operation's position.
     */
    private static void applyExternal(ExternalAttribute external, Op op, Attribute attribute, Filter filter,
                                      Attribute sub, JsonNode value, String where) {
        String name = attribute.name();
        if (sub != null) {
            throw ScimException.invalidPath(where + ": the values of '" + name + "' cannot be changed in place; "
                    + "remove them (path " + name + "[...]) and add others instead");
        }
        if (op == Op.REPLACE && filter != null) {
            throw ScimException.invalidPath(where + ": the values of '" + name + "' cannot be replaced in place, "
                    + "since their sub-attributes are immutable: remove them with the path " + name + "[" + filter
                    + "] and add others, or replace the whole list with the path " + name);
        }
        try {
            switch (op) {
                case ADD -> external.add(values(value));
                case REPLACE -> external.replace(values(value));
                case REMOVE -> {
                    if (filter != null) {
                        external.removeMatching(filter);
                    } else if (value != null && !value.isNull()) {
                        external.removeValues(values(value));
                    } else {
                        external.removeAll();
                    }
                }
            }
        } catch (ScimException e) {
            throw new ScimException(e.status(), e.scimType(), where + ": " + e.detail());
        }
    }

    private static ArrayNode values(JsonNode value) {
        if (value == null || value.isNull()) {
            return JSON.arrayNode();
        }
        return value.isArray() ? (ArrayNode) value : JSON.arrayNode().add(value);
    }

    /** One attribute of one container (the document or an extension block) that an operation changes. */
    private record Target(ObjectNode container, Attribute attribute, Attribute sub, String where) {

        JsonNode current() {
            for (Iterator<Map.Entry<String, JsonNode>> it = container.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equalsIgnoreCase(attribute.name())) {
                    return field.getValue();
                }
            }
            return null;
        }

        void set(JsonNode value) {
            removeAttribute();
            if (value != null && !value.isNull()) {
                container.set(attribute.name(), value);
            }
        }

        void removeAttribute() {
            List<String> keys = new ArrayList<>();
            container.fieldNames().forEachRemaining(k -> {
                if (k.equalsIgnoreCase(attribute.name())) {
                    keys.add(k);
                }
            });
            keys.forEach(container::remove);
        }

        /** Removes the values holding only qualifiers ({@code type}, {@code primary}), and the attribute if none is left. */
        void dropQualifierOnlyValues() {
            if (!attribute.multiValued() || !attribute.isComplex() || !(current() instanceof ArrayNode list)) {
                return;
            }
            ArrayNode kept = JSON.arrayNode();
            list.forEach(element -> {
                if (!(element instanceof ObjectNode object) || !qualifiersOnly(object)) {
                    kept.add(element);
                }
            });
            if (kept.size() != list.size()) {
                set(kept.isEmpty() ? null : kept);
            }
        }

        private static boolean qualifiersOnly(ObjectNode element) {
            for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                boolean qualifier = field.getKey().equalsIgnoreCase("type") || field.getKey().equalsIgnoreCase("primary");
                if (!qualifier && !field.getValue().isNull()) {
                    return false;
                }
            }
            return true;
        }

        /** The attribute as a whole, without filter or sub-attribute. */
        void whole(Op op, JsonNode value) {
            if (op == Op.REMOVE) {
                if (attribute.multiValued() && value != null && !value.isNull()) {
                    removeValues(values(value));
                } else {
                    removeAttribute();
                }
                return;
            }
            if (attribute.multiValued()) {
                ArrayNode incoming = values(value).deepCopy();
                if (op == Op.REPLACE) {
                    set(incoming.isEmpty() ? null : incoming);
                } else {
                    append(incoming);
                }
                return;
            }
            if (attribute.isComplex() && value != null && value.isObject() && current() instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
                return;
            }
            set(value == null ? null : value.deepCopy());
        }

        private void append(ArrayNode incoming) {
            ArrayNode list = currentList();
            for (JsonNode value : incoming) {
                if (!contains(list, value)) {
                    if (isPrimary(value)) {
                        clearPrimary(list);
                    }
                    list.add(value);
                }
            }
            set(list.isEmpty() ? null : list);
        }

        private void removeValues(ArrayNode unwanted) {
            ArrayNode list = currentList();
            ArrayNode kept = JSON.arrayNode();
            for (JsonNode element : list) {
                boolean drop = false;
                for (JsonNode candidate : unwanted) {
                    drop |= sameValue(element, candidate);
                }
                if (!drop) {
                    kept.add(element);
                }
            }
            set(kept.isEmpty() ? null : kept);
        }

        /** A sub-attribute of a complex attribute, e.g. {@code name.givenName}. */
        void subAttribute(Op op, JsonNode value) {
            if (attribute.multiValued()) {
                ArrayNode list = currentList();
                if (list.isEmpty() && op != Op.REMOVE) {
                    list.add(JSON.objectNode());
                }
                for (JsonNode element : list) {
                    if (!(element instanceof ObjectNode object)) {
                        // only a value an earlier operation of this request added, unchecked, can be one
                        throw ScimException.invalidValue(where + ": '" + attribute.name() + "' holds " + element
                                + ", which has no sub-attribute '" + sub.name() + "'; its values must be objects");
                    }
                    setSub(object, op, value);
                }
                set(withoutEmpty(list));
                return;
            }
            JsonNode existing = current();
            ObjectNode object = existing instanceof ObjectNode o ? o : JSON.objectNode();
            setSub(object, op, value);
            set(object.isEmpty() ? null : object);
        }

        /** A value filter: {@code attr[filter]} or {@code attr[filter].sub}. */
        void filtered(Op op, Filter filter, JsonNode value) {
            if (!attribute.isComplex()) {
                throw ScimException.invalidPath(where + ": '" + attribute.name() + "' has no sub-attributes to filter on");
            }
            JsonNode existing = current();
            ArrayNode list = attribute.multiValued() ? currentList()
                    : existing instanceof ObjectNode o ? JSON.arrayNode().add(o) : JSON.arrayNode();
            List<ObjectNode> matched = new ArrayList<>();
            for (JsonNode element : list) {
                if (element instanceof ObjectNode object && ValueFilterMatcher.matches(attribute, object, filter)) {
                    matched.add(object);
                }
            }
            if (op == Op.REMOVE) {
                if (sub == null) {
                    ArrayNode kept = JSON.arrayNode();
                    list.forEach(e -> {
                        if (!matched.contains(e)) {
                            kept.add(e);
                        }
                    });
                    list = kept;
                } else {
                    matched.forEach(e -> setSub(e, Op.REMOVE, null));
                }
            } else {
                boolean created = matched.isEmpty();
                if (created) {
                    ObjectNode element = elementFromFilter(filter);
                    list.add(element);
                    matched.add(element);
                }
                for (ObjectNode element : matched) {
                    if (sub != null) {
                        setSub(element, op, value);
                    } else if (value != null && value.isObject()) {
                        // a value created from the filter keeps the filter's terms, so that it matches next time
                        if (op == Op.REPLACE && !created) {
                            element.removeAll();
                        }
                        merge(element, (ObjectNode) value);
                    } else {
                        throw ScimException.invalidValue(where + ": the value for '" + attribute.name()
                                + "[...]' must be an object of its sub-attributes");
                    }
                    if (isPrimary(element)) {
                        list.forEach(other -> {
                            if (other != element && other instanceof ObjectNode o) {
                                clearPrimaryOf(o);
                            }
                        });
                    }
                }
            }
            ArrayNode result = withoutEmpty(list);
            if (attribute.multiValued()) {
                set(result);
            } else {
                set(result == null ? null : result.get(0));
            }
        }

        private void setSub(ObjectNode element, Op op, JsonNode value) {
            List<String> keys = new ArrayList<>();
            element.fieldNames().forEachRemaining(k -> {
                if (k.equalsIgnoreCase(sub.name())) {
                    keys.add(k);
                }
            });
            keys.forEach(element::remove);
            if (op != Op.REMOVE && value != null && !value.isNull()) {
                element.set(sub.name(), value.isArray() && value.size() == 1 && !sub.multiValued()
                        ? value.get(0) : value.deepCopy());
            }
        }

        /** The value an add/replace creates when its filter matched nothing: the filter's eq terms. */
        private ObjectNode elementFromFilter(Filter filter) {
            Map<String, Object> terms = new LinkedHashMap<>();
            if (!collectEqualities(filter, terms)) {
                throw ScimException.noTarget(where + ": no value of '" + attribute.name() + "' matches the filter "
                        + filter + ", and the filter does not describe a value to create");
            }
            ObjectNode element = JSON.objectNode();
            terms.forEach((name, v) -> {
                String canonical = attribute.subAttribute(name).map(Attribute::name).orElse(name);
                element.set(canonical, literal(v));
            });
            return element;
        }

        private ArrayNode currentList() {
            JsonNode existing = current();
            if (existing instanceof ArrayNode array) {
                return array.deepCopy();
            }
            ArrayNode list = JSON.arrayNode();
            if (existing != null && !existing.isNull()) {
                list.add(existing);
            }
            return list;
        }
    }

    private static boolean collectEqualities(Filter filter, Map<String, Object> terms) {
        if (filter instanceof Filter.And and) {
            return and.filters().stream().allMatch(f -> collectEqualities(f, terms));
        }
        if (filter instanceof Filter.Compare compare && compare.op() == CompareOp.EQ && compare.value() != null) {
            terms.put(compare.path().name(), compare.value());
            return true;
        }
        return false;
    }

    private static JsonNode literal(Object value) {
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof java.math.BigDecimal d) {
            return JSON.numberNode(d);
        }
        return JSON.textNode(String.valueOf(value));
    }

    private static ArrayNode withoutEmpty(ArrayNode list) {
        ArrayNode result = JSON.arrayNode();
        list.forEach(e -> {
            if (!(e.isObject() && e.isEmpty()) && !e.isNull()) {
                result.add(e);
            }
        });
        return result.isEmpty() ? null : result;
    }

    private static void merge(ObjectNode target, ObjectNode source) {
        source.fields().forEachRemaining(f -> {
            List<String> same = new ArrayList<>();
            target.fieldNames().forEachRemaining(k -> {
                if (k.equalsIgnoreCase(f.getKey())) {
                    same.add(k);
                }
            });
            same.forEach(target::remove);
            if (!f.getValue().isNull()) {
                target.set(f.getKey(), f.getValue().deepCopy());
            }
        });
    }

    private static boolean contains(ArrayNode list, JsonNode value) {
        for (JsonNode element : list) {
            if (sameValue(element, value)) {
                return true;
            }
        }
        return false;
    }

    /** Two values of a multi-valued attribute are the same when equal, or when their {@code value}s are. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return true;
        }
        JsonNode va = a.isObject() ? a.get("value") : a;
        JsonNode vb = b.isObject() ? b.get("value") : b;
        return va != null && vb != null && !va.isNull() && va.asText().equals(vb.asText())
                && (a.isObject() && a.size() == 1 || b.isObject() && b.size() == 1 || !a.isObject() || !b.isObject());
    }

    private static boolean isPrimary(JsonNode value) {
        JsonNode primary = value.isObject() ? value.get("primary") : null;
        return primary != null && (primary.asBoolean(false) || primary.asText().equalsIgnoreCase("true"));
    }

    private static void clearPrimary(ArrayNode list) {
        list.forEach(e -> {
            if (e instanceof ObjectNode o) {
                clearPrimaryOf(o);
            }
        });
    }

    private static void clearPrimaryOf(ObjectNode element) {
        if (element.has("primary")) {
            element.put("primary", false);
        }
    }
}
