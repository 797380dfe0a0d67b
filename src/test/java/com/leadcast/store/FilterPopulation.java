package com.leadcast.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.filter.AttrPath;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.query.OtherResourceTypes;
import com.leadcast.scim.schema.Attribute;
import com.leadcast.scim.schema.AttributeType;
import com.leadcast.scim.schema.Mutability;
import com.leadcast.scim.schema.ResourceType;
import com.leadcast.scim.schema.Returned;
import com.leadcast.scim.schema.Schema;
import com.leadcast.scim.schema.SchemaExtension;
import com.leadcast.scim.schema.SchemaRegistry;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A small fixed population for filter tests, written through the store's own write path ({@link UserStore},
 * {@link GroupStore}, {@link AttributeIndex}): six users and three groups of one tenant, named by label (alice, bob,
 * ...), and a look-alike user and group in a second tenant that no query may return. It also keeps each resource's
 * view — its document with {@code id}, {@code meta} and the membership attribute, as a client sees it — for
 * {@link FilterOracle}.
 *
 * <p>No schema of the service has an integer, decimal or (outside {@code meta}) dateTime attribute, or a
 * multi-valued simple one, so the users carry a test-only extension with those ({@link #MATRIX}): it proves the
 * number and time columns of the attribute index, which the standard schemas leave unused today.
 */
final class FilterPopulation {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** The test-only extension of the User type: level (integer), score (decimal), hiredAt, badges, shifts. */
    static final String MATRIX = "urn:leadcast:params:scim:schemas:extension:matrix-test:2.0:User";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FilterPopulation shared;

    final StandaloneDatabase db;
    final String tenant = UUID.randomUUID().toString();
    final String otherTenant = UUID.randomUUID().toString();
    final QueryModel userModel;
    final QueryModel groupModel;
    final FilterOracle userOracle;
    final FilterOracle groupOracle;
    /** The oracles of each type searched together with the other, as at the root {@code /.search}. */
    final FilterOracle rootUserOracle;
    final FilterOracle rootGroupOracle;
    /** label → id, and id → view, of the tenant's users and groups in creation order. */
    final Map<String, String> userIds = new LinkedHashMap<>();
    final Map<String, String> groupIds = new LinkedHashMap<>();
    final Map<String, ObjectNode> userViews = new LinkedHashMap<>();
    final Map<String, ObjectNode> groupViews = new LinkedHashMap<>();

    /** The population, written once per test run into the shared database. */
    static synchronized FilterPopulation shared() {
        if (shared == null) {
            shared = new FilterPopulation(StandaloneDatabase.shared());
        }
        return shared;
    }

    private FilterPopulation(StandaloneDatabase db) {
        this.db = db;
        ResourceType standard = SchemaRegistry.standard().userType();
        ResourceType userType = new ResourceType(standard.name(), standard.endpoint(), standard.description(),
                standard.schema(), List.of(standard.extensions().get(0), new SchemaExtension(matrixSchema(), false)),
                standard.commonAttributes());
        QueryModel standardUsers = new UserStore().queryModel();
        this.userModel = new QueryModel(userType, standardUsers.columns(), standardUsers.membership());
        this.groupModel = new GroupStore().queryModel();
        this.userOracle = new FilterOracle(userType, "groups");
        this.groupOracle = new FilterOracle(groupModel.type(), "members");
        this.rootUserOracle = new FilterOracle(userType, "groups", List.of(groupModel.type()));
        this.rootGroupOracle = new FilterOracle(groupModel.type(), "members", List.of(userType));
        db.createTenant(tenant);
        db.createTenant(otherTenant);
        seed();
    }

    // --- the data ---------------------------------------------------------------------------------------------

    private void seed() {
        user("alice", """
                {"userName":"alice@contoso.com","externalId":"EXT-Alice","displayName":"Alice Adams","nickName":"Al",
                 "title":"Engineer","userType":"Employee","preferredLanguage":"en-US","locale":"en-US",
                 "timezone":"Europe/Berlin","profileUrl":"https://contoso.com/profiles/Alice","active":true,
                 "name":{"formatted":"Ms. Alice Adams","familyName":"Adams","givenName":"Alice","honorificPrefix":"Ms."},
                 "emails":[{"value":"alice@contoso.com","type":"work","primary":true},
                           {"value":"Alice@Home.example","type":"home"}],
                 "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
                 "ims":[{"value":"alice.adams","type":"skype"}],
                 "photos":[{"value":"https://photos.example/Alice.png","type":"photo"}],
                 "addresses":[{"streetAddress":"1 Main St","locality":"Springfield","postalCode":"12345",
                               "country":"US","type":"work","primary":true}],
                 "entitlements":[{"value":"Licence-A"}],
                 "roles":[{"value":"Admin","primary":true}],
                 "x509Certificates":[{"value":"MIIBqzCCARSgAwIBAgIBATANBgkq"}],
                 "ENT":{"employeeNumber":"100","costCenter":"CC-1","organization":"Contoso","division":"East",
                        "department":"Sales","manager":{"value":"m-1","$ref":"https://contoso.com/scim/v2/Users/m-1",
                        "displayName":"Mallory"}},
                 "MX":{"level":5,"score":4.75,"hiredAt":"2020-01-15T09:00:00Z","badges":[1,2,3],
                       "shifts":[{"start":"2026-01-05T08:00:00Z","hours":8,"label":"Early"},
                                 {"start":"2026-01-06T14:00:00Z","hours":6,"label":"late"}]}}""");
        user("bob", """
                {"userName":"Bob@Contoso.com","externalId":"ext-bob","displayName":"bob brown","title":"engineer",
                 "active":false,"name":{"familyName":"Brown","givenName":"Bob"},
                 "emails":[{"value":"bob@contoso.com","type":"home"},
                           {"value":"BOB@WORK.example","type":"work","primary":false}],
                 "roles":[{"value":"Reader"},{"value":"admin","type":"legacy"}],
                 "ENT":{"department":"Engineering","employeeNumber":"20"},
                 "MX":{"level":10,"score":-1.5,"hiredAt":"2021-06-30T23:59:59.5+02:00","badges":[3],
                       "shifts":[{"start":"2026-01-05T22:00:00Z","hours":10,"label":"Night"}]}}""");
        user("carol", """
                {"userName":"carol@fabrikam.com","title":"Manager","profileUrl":"https://fabrikam.com/carol",
                 "name":{"familyName":"Clark_100%","givenName":"Carol"},
                 "emails":[{"value":"carol@fabrikam.com","type":"work"}],
                 "phoneNumbers":[{"value":"+44 20 7946 0000","type":"mobile","primary":true}],
                 "addresses":[{"locality":"London","country":"GB","type":"home"}],
                 "MX":{"level":0,"score":4.750,"hiredAt":"2020-01-15T10:00:00+01:00"}}""");
        user("dave", """
                {"userName":"dave@contoso.com","emails":[{"value":"dave@contoso.com","type":"other"}]}""");
        user("erin", """
                {"userName":"erin@example.org","externalId":"EXT-ALICE","displayName":"Erin `E` O'Neil","active":true,
                 "title":"Engineer","emails":[{"value":"erin@example.org"}],
                 "x509Certificates":[{"value":"mIIBqzCCARSgAwIBAgIBATANBgkq","display":"Erin's cert"}],
                 "ENT":{"manager":{"value":"M-1"}},
                 "MX":{"badges":[10,20],"score":100}}""");
        user("frank", """
                {"userName":"frank_1%@example.org","displayName":"50% off_deal\\\\now","nickName":"FRANK",
                 "userType":"Contractor","active":false,
                 "emails":[{"value":"frank@example.org","type":"work","primary":true},
                           {"value":"frank@contoso.com","type":"work"}],
                 "roles":[{"value":"Reader","primary":true}]}""");

        group("staff", """
                {"displayName":"Staff","externalId":"g-Staff"}""", Map.of(userIds.get("alice"), "User",
                userIds.get("bob"), "User"));
        group("admins", """
                {"displayName":"Admins"}""", Map.of(userIds.get("alice"), "User", groupIds.get("staff"), "Group"));
        group("empty", """
                {"displayName":"empty crew","externalId":"G-STAFF"}""", Map.of());

        // bob changes later than everyone was created: his meta.lastModified differs from meta.created
        pause();
        db.inTransaction(em -> {
            UserStore users = StandaloneDatabase.wire(new MatrixUsers(userModel), em);
            UserEntity bob = users.require(tenant, userIds.get("bob"));
            ObjectNode document = bob.document().put("nickName", "Bobby");
            users.update(bob, document, null);
            userViews.put(bob.getId(), view(document, bob, "User"));
            return null;
        });
        addMemberships();

        // a second tenant with look-alikes: never in any result
        db.inTransaction(em -> {
            UserStore users = StandaloneDatabase.wire(new MatrixUsers(userModel), em);
            users.create(otherTenant, document("""
                    {"userName":"alice@contoso.com","externalId":"EXT-Alice","title":"Engineer","active":true,
                     "emails":[{"value":"alice@contoso.com","type":"work"}],"MX":{"level":5}}"""), null);
            GroupStore groups = StandaloneDatabase.groups(em);
            GroupEntity other = groups.create(otherTenant, document("{\"displayName\":\"Staff\"}"));
            groups.addMembers(other, Map.of(userIds.get("dave"), "User"));
            return null;
        });
    }

    private void user(String label, String json) {
        pause();
        db.inTransaction(em -> {
            UserStore users = StandaloneDatabase.wire(new MatrixUsers(userModel), em);
            UserEntity user = users.create(tenant, document(json), null);
            userIds.put(label, user.getId());
            userViews.put(user.getId(), view(document(json), user, "User"));
            return null;
        });
    }

    private void group(String label, String json, Map<String, String> members) {
        pause();
        db.inTransaction(em -> {
            GroupStore groups = StandaloneDatabase.groups(em);
            GroupEntity group = groups.create(tenant, document(json));
            groups.addMembers(group, members);
            groupIds.put(label, group.getId());
            groupViews.put(group.getId(), view(document(json), group, "Group"));
            return null;
        });
    }

    /** The membership attributes of the views: members of groups, groups of users (RFC 7643 §4.1.2, §4.2). */
    private void addMemberships() {
        db.inTransaction(em -> {
            em.createQuery("select m from MemberEntity m where m.tenantId = :t", MemberEntity.class)
                    .setParameter("t", tenant).getResultList().forEach(m -> {
                        ObjectNode group = groupViews.get(m.getGroupId());
                        ObjectNode member = userViews.containsKey(m.getMemberId())
                                ? userViews.get(m.getMemberId()) : groupViews.get(m.getMemberId());
                        String memberDisplay = member.path("displayName").asText(member.path("userName").asText());
                        group.withArray("members").addObject().put("value", m.getMemberId())
                                .put("type", m.getMemberType()).put("display", memberDisplay)
                                .put("$ref", "../" + m.getMemberType() + "s/" + m.getMemberId());
                        if (m.getMemberType().equals("User")) {
                            member.withArray("groups").addObject().put("value", m.getGroupId())
                                    .put("type", "direct").put("display", group.path("displayName").asText())
                                    .put("$ref", "../Groups/" + m.getGroupId());
                        }
                    });
            return null;
        });
    }

    private static ObjectNode view(ObjectNode document, ResourceEntity entity, String resourceType) {
        ObjectNode view = document.deepCopy();
        view.put("id", entity.getId());
        view.putObject("meta").put("resourceType", resourceType).put("created", entity.getCreatedAt().toString())
                .put("lastModified", entity.getLastModifiedAt().toString());
        return view;
    }

    /** A document from JSON where "ENT" and "MX" stand for the extension URNs and a backtick for a quote. */
    private static ObjectNode document(String json) {
        try {
            return (ObjectNode) JSON.readTree(json.replace("\"ENT\"", "\"" + ENTERPRISE + "\"")
                    .replace("\"MX\"", "\"" + MATRIX + "\"").replace("`", "\\\""));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Creation instants are kept to the millisecond: a pause gives every resource its own. */
    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- queries ----------------------------------------------------------------------------------------------

    /** The labels of the tenant's users matching {@code filter}, by the compiled SQL. */
    Set<String> users(Filter filter) {
        return labels(select(UserEntity.class, userModel, filter, OtherResourceTypes.NONE), userIds);
    }

    Set<String> groups(Filter filter) {
        return labels(select(GroupEntity.class, groupModel, filter, OtherResourceTypes.NONE), groupIds);
    }

    /** The labels of the tenant's users matching {@code filter} searched together with Groups, by the SQL. */
    Set<String> usersAtTheRoot(Filter filter) {
        return labels(select(UserEntity.class, userModel, filter,
                new OtherResourceTypes(List.of(groupModel.type()))), userIds);
    }

    Set<String> groupsAtTheRoot(Filter filter) {
        return labels(select(GroupEntity.class, groupModel, filter,
                new OtherResourceTypes(List.of(userModel.type()))), groupIds);
    }

    /** The labels of the tenant's users matching {@code filter}, by the oracle. */
    Set<String> expectedUsers(Filter filter) {
        return expected(userOracle, userViews, userIds, filter);
    }

    Set<String> expectedGroups(Filter filter) {
        return expected(groupOracle, groupViews, groupIds, filter);
    }

    Set<String> expectedUsersAtTheRoot(Filter filter) {
        return expected(rootUserOracle, userViews, userIds, filter);
    }

    Set<String> expectedGroupsAtTheRoot(Filter filter) {
        return expected(rootGroupOracle, groupViews, groupIds, filter);
    }

    private Set<String> select(Class<? extends ResourceEntity> entity, QueryModel model, Filter filter,
                               OtherResourceTypes otherTypes) {
        return db.inTransaction(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<String> query = cb.createQuery(String.class);
            Root<? extends ResourceEntity> root = query.from(entity);
            query.select(root.get("id")).where(cb.equal(root.get("tenantId"), tenant),
                    FilterCompiler.compile(filter, otherTypes, cb, query, root, model, tenant));
            return new TreeSet<>(em.createQuery(query).getResultList());
        });
    }

    private static Set<String> labels(Set<String> ids, Map<String, String> byLabel) {
        Set<String> labels = new TreeSet<>();
        for (String id : ids) {
            labels.add(byLabel.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
                    .findFirst().orElse("<id of another tenant or unknown: " + id + ">"));
        }
        return labels;
    }

    private static Set<String> expected(FilterOracle oracle, Map<String, ObjectNode> views, Map<String, String> ids,
                                        Filter filter) {
        Set<String> labels = new TreeSet<>();
        ids.forEach((label, id) -> {
            if (oracle.matches(filter, views.get(id))) {
                labels.add(label);
            }
        });
        return labels;
    }

    /** What a filter comes to: the matching labels, or "invalidFilter". */
    static String outcome(Supplier<Set<String>> run) {
        try {
            return run.get().toString();
        } catch (FilterOracle.Refused e) {
            return "invalidFilter";
        } catch (ScimException e) {
            return e.scimType() == ScimType.INVALID_FILTER ? "invalidFilter" : e.status() + " " + e.getMessage();
        } catch (RuntimeException e) {
            return "error " + e;
        }
    }

    /** {@code text} with upper and lower case swapped. */
    static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder(text.length());
        text.chars().forEach(c -> swapped.append((char) (Character.isUpperCase(c) ? Character.toLowerCase(c)
                : Character.toUpperCase(c))));
        return swapped.toString();
    }

    /** Every value at {@code leaf} in the tenant's views of one type, for choosing operands. */
    List<JsonNode> valuesAt(FilterOracle oracle, Map<String, ObjectNode> views, FilterOracle.Leaf leaf) {
        List<JsonNode> values = new ArrayList<>();
        views.values().forEach(v -> values.addAll(oracle.values(v, leaf)));
        return values;
    }

    // --- the test-only extension ------------------------------------------------------------------------------

    private static Schema matrixSchema() {
        Attribute shifts = attribute("shifts", AttributeType.COMPLEX, true, false, List.of(
                attribute("start", AttributeType.DATE_TIME, false, false, List.of()),
                attribute("hours", AttributeType.INTEGER, false, false, List.of()),
                attribute("label", AttributeType.STRING, false, true, List.of())));
        return new Schema(MATRIX, "MatrixTest", List.of(
                attribute("level", AttributeType.INTEGER, false, false, List.of()),
                attribute("score", AttributeType.DECIMAL, false, false, List.of()),
                attribute("hiredAt", AttributeType.DATE_TIME, false, false, List.of()),
                attribute("badges", AttributeType.INTEGER, true, false, List.of()),
                shifts), JSON.createObjectNode());
    }

    private static Attribute attribute(String name, AttributeType type, boolean multiValued, boolean caseExact,
                                       List<Attribute> subAttributes) {
        return new Attribute(name, type, multiValued, false, caseExact, Mutability.READ_WRITE, Returned.DEFAULT,
                "none", subAttributes, List.of(), List.of());
    }

    /** The User store with the test-only extension in its resource type. */
    static final class MatrixUsers extends UserStore {
        private final QueryModel model;

        MatrixUsers(QueryModel model) {
            this.model = model;
        }

        @Override
        protected QueryModel queryModel() {
            return model;
        }
    }

    /** The attribute paths of a resource type: every attribute, and every sub-attribute of a complex one. */
    static Stream<AttrPath> paths(ResourceType type) {
        List<AttrPath> paths = new ArrayList<>();
        Stream.concat(type.commonAttributes().stream(), type.schema().attributes().stream())
                .forEach(a -> addPaths(paths, null, a));
        type.extensions().forEach(e -> e.schema().attributes().forEach(a -> addPaths(paths, e.schema().id(), a)));
        return paths.stream();
    }

    private static void addPaths(List<AttrPath> paths, String urn, Attribute attribute) {
        paths.add(new AttrPath(urn, attribute.name(), null));
        attribute.subAttributes().forEach(s ->
                paths.add(new AttrPath(urn, attribute.name(), s.name())));
    }
}
