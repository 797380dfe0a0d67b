package com.leadcast.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.SchemaExtension;
import com.leadcast.scim.text.CaseFolding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Keeps {@code scim_attribute_value} in step with resource documents: every leaf value becomes a row keyed by its
 * lower-case path ({@code emails.value}, {@code name.familyname},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department}) and element number, with the value
 * in the column of its SCIM type. {@link FilterCompiler} compiles filters and sorts against these rows.
 */
@ApplicationScoped
public class AttributeIndex {

    /** Beyond this many rows to delete one by one, deleting all of a resource's rows is the cheaper statement. */
    private static final int MAX_ROWS_DELETED_BY_PLACE = 100;

    @PersistenceContext(unitName = "scim")
    EntityManager em;

    /** The canonical index path of an attribute (and sub-attribute), optionally in an extension. */
    static String path(String extensionUrn, Attribute attribute, Attribute sub) {
        String name = attribute.name() + (sub == null ? "" : "." + sub.name());
        return (extensionUrn == null ? name : extensionUrn + ":" + name).toLowerCase(Locale.ROOT);
    }

    /** Writes the index rows of a new resource {@code resourceId} from its {@code document}. */
    void insert(String tenantId, String resourceId, ResourceType type, ObjectNode document) {
        rows(tenantId, resourceId, type, document).forEach(em::persist);
    }

    /**
     * Brings the index rows of {@code resourceId} from those of {@code previous}, the document it replaces, to those
     * of {@code document}: only the rows whose value changed, appeared or went are touched — one {@code DELETE} of
     * the changed and gone, the new values inserted in one batch — so a PATCH of two attributes writes two rows,
     * not every row of the user. A rewrite of most rows replaces them all.
     */
    void update(String tenantId, String resourceId, ResourceType type, ObjectNode previous, ObjectNode document) {
        Map<String, AttributeValueEntity> before = new HashMap<>();
        rows(tenantId, resourceId, type, previous).forEach(row -> before.put(row.place(), row));
        List<AttributeValueEntity> next = rows(tenantId, resourceId, type, document);
        List<AttributeValueEntity> written = new ArrayList<>();
        List<AttributeValueEntity> stale = new ArrayList<>();
        for (AttributeValueEntity row : next) {
            AttributeValueEntity old = before.remove(row.place());
            if (old == null || !old.sameValue(row)) {
                written.add(row);
                if (old != null) {
                    stale.add(old);
                }
            }
        }
        stale.addAll(before.values());
        if (stale.size() > MAX_ROWS_DELETED_BY_PLACE) {
            delete(resourceId);
            next.forEach(em::persist);
            return;
        }
        if (!stale.isEmpty()) {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaDelete<AttributeValueEntity> delete = cb.createCriteriaDelete(AttributeValueEntity.class);
            Root<AttributeValueEntity> v = delete.from(AttributeValueEntity.class);
            Predicate[] places = stale.stream().map(row -> cb.and(cb.equal(v.get("path"), row.path()),
                    cb.equal(v.get("elementIndex"), row.elementIndex()))).toArray(Predicate[]::new);
            em.createQuery(delete.where(cb.equal(v.get("resourceId"), resourceId), cb.or(places))).executeUpdate();
        }
        written.forEach(em::persist);
    }

    void delete(String resourceId) {
        em.createQuery("delete from AttributeValueEntity v where v.resourceId = :id")
                .setParameter("id", resourceId)
                .executeUpdate();
    }

    static List<AttributeValueEntity> rows(String tenantId, String resourceId, ResourceType type, ObjectNode document) {
        List<AttributeValueEntity> rows = new ArrayList<>();
        document.fields().forEachRemaining(field -> {
            String key = field.getKey();
            if (key.contains(":")) {
                type.extension(key).ifPresent(ext -> indexExtension(rows, tenantId, resourceId, ext, field.getValue()));
                return;
            }
            type.schema().attribute(key).ifPresent(a -> index(rows, tenantId, resourceId, null, a, field.getValue()));
        });
        return rows;
    }

    private static void indexExtension(List<AttributeValueEntity> rows, String tenantId, String resourceId,
                                       SchemaExtension extension, JsonNode block) {
        block.fields().forEachRemaining(field -> extension.schema().attribute(field.getKey()).ifPresent(a ->
                index(rows, tenantId, resourceId, extension.schema().id(), a, field.getValue())));
    }

    private static void index(List<AttributeValueEntity> rows, String tenantId, String resourceId, String urn,
                              Attribute attribute, JsonNode value) {
        List<JsonNode> elements = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(elements::add);
        } else {
            elements.add(value);
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!attribute.isComplex()) {
                add(rows, tenantId, resourceId, path(urn, attribute, null), i, attribute, element);
                continue;
            }
            int index = i;
            element.fields().forEachRemaining(f -> attribute.subAttribute(f.getKey()).ifPresent(sub ->
                    add(rows, tenantId, resourceId, path(urn, attribute, sub), index, sub, f.getValue())));
        }
    }

    private static void add(List<AttributeValueEntity> rows, String tenantId, String resourceId, String path,
                            int element, Attribute attribute, JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return;
        }
        AttributeValueEntity row = new AttributeValueEntity(tenantId, resourceId, path, element);
        switch (attribute.type()) {
            case BOOLEAN -> row.bool(value.asBoolean());
            case INTEGER, DECIMAL -> row.number(value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText()));
            case DATE_TIME -> {
                text(row, value.asText());
                try {
                    row.time(OffsetDateTime.parse(value.asText()).toInstant());
                } catch (DateTimeParseException e) {
                    // the checker admits only valid dateTimes; an old document without one keeps its text only
                }
            }
            default -> text(row, value.asText());
        }
        rows.add(row);
    }

    private static void text(AttributeValueEntity row, String text) {
        String kept = CaseFolding.prefix(text, AttributeValueEntity.MAX_TEXT);
        row.text(kept, CaseFolding.fold(kept));
    }
}
