package com.leadcast.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generates the fuzzer's requests: request {@code i} of a run is drawn from its own {@code Random(seed, i)}, so a seed
 * repeats the requests (the ids of resources a run created itself aside). Each request starts as a valid SCIM request
 * — a filtered list or search, a create, replace or PATCH, a Bulk, a read, a discovery call — and is then broken:
 * values become tricky text, huge numbers or deep nesting, the JSON text is mutated or gets duplicate keys, headers
 * ({@code Content-Type}, {@code Accept}, {@code If-Match}, {@code Authorization}) are changed, ids point elsewhere.
 */
public final class RequestGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String SCIM = "/scim/v2";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final List<String> CONTENT_TYPES = List.of("application/scim+json", "application/json",
            "application/scim+json; charset=utf-8", "application/json;charset=UTF-8", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*", "application/*",
            "application/json-patch+json", "application/merge-patch+json", "application/scim+json; charset=iso-8859-1",
            "application/json; charset=utf-16", "garbage", "application/", ";;", "application/scim+json; q=0.5; x=\"",
            "APPLICATION/SCIM+JSON", "text/json", "application/vnd.api+json");
    private static final List<String> ACCEPTS = List.of("application/scim+json", "application/json", "*/*",
            "text/html", "application/xml", "image/png", "application/*", "text/*;q=0.1", "garbage", "", ";;;",
            "application/scim+json;q=0");
    private static final List<String> SORTABLE = List.of("userName", "displayName", "title", "active",
            "meta.created", "meta.lastModified", "name.familyName", "emails.value", "emails.primary", "externalId",
            ENTERPRISE + ":employeeNumber", "password", "members", "id", "nosuch", "emails", "name", "meta");
    private static final List<String> BOOLEANS = List.of("active", "emails.primary");
    private static final Pattern SURROGATE_ESCAPE = Pattern.compile("\\\\u[dD]([89a-fA-F])[0-9a-fA-F]{2}");
    private static final Pattern ROOT_SEARCH = Pattern.compile("^/scim/v2/\\.search");
    private static final List<String> PATCH_PATHS = List.of("displayName", "title", "active", "userName", "nickName",
            "name.givenName", "name", "emails", "emails[type eq \"work\"].value", "emails[type eq \"work\"]",
            "emails[value co \"@\"].primary", "phoneNumbers[type eq \"mobile\"].value", "roles",
            "roles[primary eq \"True\"].value", "externalId", "members", "members[value eq \"%s\"]",
            "members[type eq \"Group\"]", "members[value eq \"a\" or value eq \"b\"]", ENTERPRISE,
            ENTERPRISE + ":manager", ENTERPRISE + ":manager.value", "manager", "department", "groups", "id",
            "meta.created", "x509Certificates", "password", "addresses[type eq \"work\"].postalCode", "nosuch");

    private final long seed;
    private final List<FuzzTenant> tenants;
    private final boolean skipKnown;

    public RequestGenerator(long seed, List<FuzzTenant> tenants, boolean skipKnown) {
        this.seed = seed;
        this.tenants = tenants;
        this.skipKnown = skipKnown;
    }

    /** Request {@code index} of the run; with {@code skipKnown}, one outside the {@link Known} classes. */
    public FuzzRequest request(int index) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
        while (true) {
            Draft draft = new Draft(random, tenants.get(random.nextInt(tenants.size())),
                    tenants.get(random.nextInt(tenants.size())), !skipKnown);
            FuzzRequest request = draft.build(index);
            if (!skipKnown || request.known().isEmpty()) {
                return request;
            }
        }
    }

    /** One request being drawn; it records the {@link Known} classes of what it draws. */
    private static final class Draft {
        private final Random random;
        private final FuzzTenant tenant;
        private final FuzzTenant other;
        private final boolean allowKnown;
        private final JsonValues values;
        private final Set<Known> known = EnumSet.noneOf(Known.class);
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String method = "GET";
        private String path;
        private byte[] body;

        Draft(Random random, FuzzTenant tenant, FuzzTenant other, boolean allowKnown) {
            this.random = random;
            this.tenant = tenant;
            this.other = other;
            this.allowKnown = allowKnown;
            this.values = new JsonValues(random, allowKnown);
        }

        FuzzRequest build(int index) {
            int kind = random.nextInt(100);
            if (kind < 22) {
                list();
            } else if (kind < 32) {
                search();
            } else if (kind < 42) {
                read();
            } else if (kind < 55) {
                create();
            } else if (kind < 61) {
                replace();
            } else if (kind < 82) {
                patch();
            } else if (kind < 85) {
                delete();
            } else if (kind < 91) {
                bulk();
            } else {
                discovery();
            }
            authorization();
            if (random.nextInt(4) == 0) {
                mutateHeaders();
            }
            classify();
            return new FuzzRequest(index, tenant.index(), method, path, headers, body, known);
        }

        // --- the request kinds ------------------------------------------------------------------------------------

        private void list() {
            path = SCIM + (random.nextBoolean() ? "/Users" : "/Groups") + "?" + query();
        }

        private String query() {
            StringBuilder query = new StringBuilder();
            if (random.nextInt(5) > 0) {
                param(query, "filter", filter());
            }
            if (random.nextInt(3) == 0) {
                param(query, "sortBy", sortBy());
            }
            if (random.nextInt(4) == 0) {
                param(query, "sortOrder", pick(List.of("ascending", "descending", "DESCENDING", "up", "")));
            }
            if (random.nextInt(4) == 0) {
                param(query, "startIndex", number());
            }
            if (random.nextInt(3) == 0) {
                param(query, "count", number());
            }
            if (random.nextInt(6) == 0) {
                param(query, "cursor", random.nextBoolean() ? "" : text());
            }
            if (random.nextInt(5) == 0) {
                param(query, random.nextBoolean() ? "attributes" : "excludedAttributes", attributes());
            }
            if (random.nextInt(12) == 0) {
                param(query, text(), text());
            }
            return query.toString();
        }

        private void search() {
            method = "POST";
            String[] endpoints = {"/Users/.search", "/Groups/.search", "/.search"};
            path = SCIM + endpoints[random.nextInt(endpoints.length)];
            ObjectNode request = JSON.objectNode();
            if (random.nextInt(6) > 0) {
                request.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:SearchRequest");
            }
            if (random.nextInt(5) > 0) {
                request.put("filter", filter());
            }
            if (random.nextInt(3) == 0) {
                request.put("sortBy", sortBy());
            }
            if (random.nextInt(4) == 0) {
                request.set("sortOrder", random.nextBoolean() ? JSON.textNode("descending") : values.any(1));
            }
            if (random.nextInt(3) == 0) {
                request.set(random.nextBoolean() ? "startIndex" : "count", random.nextBoolean()
                        ? JSON.numberNode(random.nextInt(2100) - 5) : values.number());
            }
            if (random.nextInt(5) == 0) {
                request.set(random.nextBoolean() ? "attributes" : "excludedAttributes",
                        random.nextBoolean() ? JSON.arrayNode().add(attributes()) : JSON.textNode(attributes()));
            }
            if (random.nextInt(6) == 0) {
                request.set("cursor", random.nextBoolean() ? JSON.textNode("") : values.any(1));
            }
            jsonBody(request);
        }

        private void read() {
            String type = random.nextBoolean() ? "/Users/" : "/Groups/";
            String id = switch (random.nextInt(8)) {
                case 0 -> encode(text());
                case 1 -> other().anyUser(random);
                case 2 -> pick(List.of("%00", "%ED%A0%80", "%FF", "%C0%AF", "..%2F..%2Fadmin", "%2e%2e", "%20", "x%0Ay"));
                case 3 -> tenant.anyGroup(random);
                default -> tenant.anyUser(random);
            };
            path = SCIM + type + id;
            if (random.nextInt(3) == 0) {
                path += "?" + (random.nextBoolean() ? "attributes=" : "excludedAttributes=") + encode(attributes());
            }
            if (random.nextInt(4) == 0) {
                headers.put("If-None-Match", etag());
            }
        }

        private void create() {
            method = "POST";
            boolean user = random.nextInt(3) > 0;
            path = SCIM + (user ? "/Users" : "/Groups");
            jsonBody(user ? user() : group());
        }

        private void replace() {
            method = "PUT";
            boolean user = random.nextInt(3) > 0;
            path = SCIM + (user ? "/Users/" : "/Groups/") + (random.nextBoolean() ? tenant.anyScratch(random)
                    : user ? tenant.anyUser(random) : tenant.anyGroup(random));
            if (random.nextInt(3) == 0) {
                headers.put("If-Match", etag());
            }
            jsonBody(user ? user() : group());
        }

        private void patch() {
            method = "PATCH";
            boolean user = random.nextInt(3) > 0;
            String id = user ? tenant.anyUser(random) : tenant.anyGroup(random);
            path = SCIM + (user ? "/Users/" : "/Groups/") + (random.nextInt(10) == 0 ? tenant.anyScratch(random) : id);
            if (random.nextInt(4) == 0) {
                headers.put("If-Match", etag());
            }
            jsonBody(patchMessage(user));
        }

        private void delete() {
            method = "DELETE";
            String id = random.nextInt(6) == 0 ? encode(text()) : tenant.anyScratch(random);
            path = SCIM + (random.nextBoolean() ? "/Users/" : "/Groups/") + id;
            if (random.nextInt(4) == 0) {
                headers.put("If-Match", etag());
            }
        }

        private void bulk() {
            method = "POST";
            path = SCIM + "/Bulk";
            ObjectNode request = JSON.objectNode();
            request.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:BulkRequest");
            if (random.nextInt(3) == 0) {
                request.set("failOnErrors", random.nextBoolean() ? JSON.numberNode(1 + random.nextInt(3)) : values.any(0));
            }
            ArrayNode operations = request.putArray("Operations");
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                operations.add(random.nextInt(10) == 0 ? values.any(2) : bulkOperation(i));
            }
            jsonBody(request);
        }

        private JsonNode bulkOperation(int i) {
            ObjectNode operation = JSON.objectNode();
            String verb = pick(List.of("POST", "PUT", "PATCH", "DELETE", "post", "GET", "HEAD"));
            operation.put("method", verb);
            operation.put("bulkId", random.nextInt(4) == 0 ? text() : "b" + i);
            boolean user = random.nextInt(3) > 0;
            String target = random.nextInt(4) == 0 ? "bulkId:b" + random.nextInt(5)
                    : user ? tenant.anyUser(random) : tenant.anyGroup(random);
            operation.put("path", switch (random.nextInt(8)) {
                case 0 -> text();
                case 1 -> "/Users/" + target + "/../x";
                default -> verb.equalsIgnoreCase("POST") ? (user ? "/Users" : "/Groups")
                        : (user ? "/Users/" : "/Groups/") + target;
            });
            if (random.nextInt(6) == 0) {
                operation.put("version", etag());
            }
            if (!verb.equals("DELETE")) {
                JsonNode data = verb.equals("PATCH") ? patchMessage(user) : user ? user() : group();
                if (!user && data instanceof ObjectNode group && random.nextInt(3) == 0) {
                    group.putArray("members").addObject().put("value", "bulkId:b" + random.nextInt(5));
                    known.add(Known.GROUP_NESTING); // a bulkId may name a group created in the same request
                }
                operation.set("data", data);
            }
            return operation;
        }

        private void discovery() {
            String[] paths = {"/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/User", "/ResourceTypes/Group",
                    "/ResourceTypes/" + encode(text()), "/Schemas", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
                    "/Schemas/" + encode(text()), "/Me", "/Users/.search", "/nosuch", "", "/", "/Users/x/y",
                    "/Bulk", "/.search"};
            path = SCIM + paths[random.nextInt(paths.length)];
            method = pick(List.of("GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"));
            if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")
                    && !method.equals("DELETE")) {
                jsonBody(values.object(2));
            }
        }

        // --- bodies -----------------------------------------------------------------------------------------------

        private ObjectNode user() {
            ObjectNode user = JSON.objectNode();
            if (random.nextInt(6) > 0) {
                user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
            }
            if (random.nextInt(8) > 0) {
                user.set("userName", random.nextInt(3) == 0 ? values.any(1)
                        : JSON.textNode(random.nextInt(4) == 0 ? pick(tenant.userNames()) : "fz" + random.nextInt(1 << 30)
                        + (random.nextBoolean() ? "" : text())));
            }
            if (random.nextBoolean()) {
                user.set("displayName", textOrAny());
            }
            if (random.nextInt(3) == 0) {
                user.putObject("name").set("givenName", textOrAny());
            }
            if (random.nextInt(3) == 0) {
                ArrayNode emails = user.putArray("emails");
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    ObjectNode email = emails.addObject().set("value", textOrAny());
                    email.put("type", pick(List.of("work", "home", "other")));
                    if (random.nextBoolean()) {
                        email.set("primary", random.nextBoolean() ? JSON.booleanNode(true) : values.any(0));
                    }
                }
            }
            if (random.nextInt(4) == 0) {
                user.set("active", random.nextBoolean() ? JSON.booleanNode(random.nextBoolean()) : values.any(1));
            }
            if (random.nextInt(4) == 0) {
                user.set("title", textOrAny());
            }
            if (random.nextInt(5) == 0) {
                user.putObject(ENTERPRISE).put("department", text()).putObject("manager")
                        .put("value", random.nextBoolean() ? tenant.anyUser(random) : text());
            }
            if (random.nextInt(5) == 0) {
                user.putArray("roles").addObject().set("value", textOrAny());
            }
            if (random.nextInt(6) == 0) {
                user.set(values.key(), random.nextInt(4) == 0 ? JsonValues.nested(10 + random.nextInt(930),
                        random.nextBoolean()) : values.any(3));
            }
            if (random.nextInt(60) == 0) {
                user.put("password", "Pw-" + random.nextInt(1 << 20)); // PBKDF2 is slow by design: rarely
            }
            return user;
        }

        private ObjectNode group() {
            ObjectNode group = JSON.objectNode();
            group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
            if (random.nextInt(8) > 0) {
                group.set("displayName", random.nextInt(3) == 0 ? values.any(1) : JSON.textNode("fz group "
                        + random.nextInt(1 << 20) + (random.nextBoolean() ? "" : text())));
            }
            if (random.nextBoolean()) {
                ArrayNode members = group.putArray("members");
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    members.add(member());
                }
            }
            if (random.nextInt(5) == 0) {
                group.set(values.key(), values.any(2));
            }
            return group;
        }

        private JsonNode member() {
            return switch (random.nextInt(8)) {
                case 0 -> values.any(1);
                case 1 -> JSON.objectNode().put("value", other().anyUser(random));
                case 2 -> {
                    known.add(Known.GROUP_NESTING);
                    yield JSON.objectNode().put("value", tenant.anyGroup(random)).put("type", "Group");
                }
                case 3 -> JSON.objectNode().put("value", text());
                case 4 -> JSON.objectNode().put("value", tenant.anyUser(random)).set("type", values.any(0));
                default -> JSON.objectNode().put("value", tenant.anyUser(random));
            };
        }

        private ObjectNode patchMessage(boolean user) {
            ObjectNode message = JSON.objectNode();
            if (random.nextInt(8) > 0) {
                message.putArray("schemas").add(random.nextInt(15) > 0 ? PATCH_OP : text());
            }
            ArrayNode operations = message.putArray(random.nextInt(8) > 0 ? "Operations" : "operations");
            int count = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                operations.add(random.nextInt(15) == 0 ? values.any(2) : patchOperation(user));
            }
            return message;
        }

        private JsonNode patchOperation(boolean user) {
            ObjectNode operation = JSON.objectNode();
            operation.put("op", random.nextInt(10) > 0 ? pick(List.of("add", "replace", "remove", "Add", "Replace"))
                    : text());
            String target = String.format(pick(PATCH_PATHS), tenant.anyUser(random));
            if (random.nextInt(5) == 0) {
                target = Mutator.mutate(random, target, allowKnown);
            } else if (random.nextInt(8) == 0) {
                target = "emails[" + FilterGenerator.minimal(new FilterGenerator(random, allowKnown).filter(1)) + "]";
            }
            if (random.nextInt(10) > 0) {
                operation.put("path", target);
            }
            if (random.nextInt(8) > 0) {
                operation.set("value", patchValue(user, target));
            }
            return operation;
        }

        private JsonNode patchValue(boolean user, String target) {
            if (!user && target.startsWith("members") && random.nextBoolean()) {
                ArrayNode members = JSON.arrayNode();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    members.add(member());
                }
                return members;
            }
            return switch (random.nextInt(5)) {
                case 0 -> values.any(3);
                case 1 -> user ? user() : group();
                case 2 -> JSON.booleanNode(random.nextBoolean());
                default -> JSON.textNode(text());
            };
        }

        /**
         * The body as JSON text: written plainly (UTF-8) or with every non-ASCII character escaped (the only way a
         * lone surrogate reaches the server), sometimes with a duplicate key, mutated text or a bad UTF-8 byte.
         */
        private void jsonBody(JsonNode node) {
            String text;
            try {
                text = (random.nextBoolean() ? ASCII : PLAIN).writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            switch (random.nextInt(12)) {
                case 0 -> text = Mutator.mutate(random, text, allowKnown);
                case 1 -> {
                    String key = node.fieldNames().hasNext() ? node.fieldNames().next() : "userName";
                    if (text.startsWith("{") && text.length() > 2) {
                        text = "{" + jsonText(JSON.textNode(key)) + ":" + jsonText(values.any(1)) + "," + text.substring(1);
                    }
                }
                case 2 -> text = random.nextBoolean() ? "" : pick(List.of("null", "[]", "\"x\"", "1", "{", "[{}]",
                        "{\"a\":" + "[".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
                        "{\"userName\":\"deep\",\"x\":" + "[".repeat(1200) + "]".repeat(1200) + "}", "\ufeff{}", "{} {}", "{\"Operations\":[{\"op\":\"add\"}]}"));
                default -> {
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            bytes.write(utf8, 0, utf8.length);
            if (random.nextInt(40) == 0) {
                bytes.write(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, 0, 3);
            }
            body = bytes.toByteArray();
            if (!headers.containsKey("Content-Type") && random.nextInt(20) > 0) {
                headers.put("Content-Type", random.nextBoolean() ? "application/scim+json" : "application/json");
            }
        }

        private static String jsonText(JsonNode node) {
            try {
                return ASCII.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        // --- headers ----------------------------------------------------------------------------------------------

        private void authorization() {
            int kind = random.nextInt(100);
            String value = kind < 95 ? "Bearer " + tenant.token()
                    : pick(List.of("Bearer lcs_" + "0".repeat(43), "Basic YTpi", "Bearer", "bearer " + tenant.token(),
                    "Bearer " + tenant.token() + "x", "Bearer  " + tenant.token(), ""));
            if (kind < 99 || !value.isEmpty()) {
                headers.put("Authorization", value);
            }
        }

        private void mutateHeaders() {
            switch (random.nextInt(5)) {
                case 0, 1 -> headers.put("Content-Type", pick(CONTENT_TYPES));
                case 2 -> headers.put("Accept", pick(ACCEPTS));
                case 3 -> headers.put(random.nextBoolean() ? "If-Match" : "If-None-Match", etag());
                default -> headers.remove("Content-Type");
            }
        }

        private String etag() {
            return pick(List.of("*", "W/\"1\"", "W/\"2\"", "\"1\"", "W/\"999999999999999999999\"", "garbage", "W/",
                    "\"\"", "W/\"-1\", W/\"1\"", "W/\"" + random.nextInt(5) + "\""));
        }

        /** Records which {@link Known} classes the finished request falls in. */
        private void classify() {
            String contentType = headers.getOrDefault("Content-Type", "").trim();
            if ((contentType.startsWith("*/*") || contentType.startsWith("application/*")) && body != null) {
                known.add(Known.WILDCARD_CONTENT_TYPE);
            }
            String bodyText = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            if (bodyText.contains("\u0130") || bodyText.toLowerCase().contains("\\u0130")) {
                known.add(Known.DOTTED_CAPITAL_I);
            }
            if (bodyText.contains("\u0000") || bodyText.contains("\\u0000") || path.contains("%00")
                    || hasLoneSurrogateEscape(bodyText)) {
                known.add(Known.NUL_OR_LONE_SURROGATE);
            }
            if (path.contains("%C4%B0")) {
                known.add(Known.DOTTED_CAPITAL_I);
            }
            // both read sort values through the keyset's min(), which PostgreSQL lacks for booleans
            boolean sortsByBoolean = BOOLEANS.stream().anyMatch(b -> bodyText.contains("\"sortBy\":\"" + b + "\"")
                    || path.contains("sortBy=" + b + "&") || path.endsWith("sortBy=" + b));
            boolean byKeyset = ROOT_SEARCH.matcher(path).find() || path.contains("cursor=")
                    || bodyText.contains("\"cursor\"");
            if (sortsByBoolean && byKeyset) {
                known.add(Known.ROOT_SORT_BY_BOOLEAN);
            }
        }

        /** Whether {@code json} escapes a UTF-16 surrogate that is not half of a pair. */
        private static boolean hasLoneSurrogateEscape(String json) {
            java.util.regex.Matcher escape = SURROGATE_ESCAPE.matcher(json);
            int expectLowAt = -1;
            while (escape.find()) {
                boolean high = Character.toLowerCase(escape.group(1).charAt(0)) < 'c';
                if (expectLowAt >= 0 && (high || escape.start() != expectLowAt)) {
                    return true; // a high one not followed by a low one
                }
                if (!high && expectLowAt < 0) {
                    return true; // a low one without its high one
                }
                expectLowAt = high ? escape.end() : -1;
            }
            return expectLowAt >= 0;
        }

        // --- pieces -----------------------------------------------------------------------------------------------

        private String filter() {
            FilterGenerator generator = new FilterGenerator(random, allowKnown);
            String text = switch (random.nextInt(4)) {
                case 0 -> generator.filter(2).toString();
                case 1 -> FilterGenerator.minimal(generator.filter(2));
                case 2 -> "userName eq \"" + pick(tenant.userNames()) + "\"";
                default -> Mutator.mutate(random, FilterGenerator.minimal(generator.filter(2)), allowKnown);
            };
            return text;
        }

        private String sortBy() {
            return random.nextInt(6) == 0 ? text() : pick(SORTABLE);
        }

        private String number() {
            return pick(List.of("0", "1", "-1", "10", "1000", "1001", "2147483647", "2147483648", "-2147483649",
                    "99999999999999999999", "1.5", "1e3", "", " 1", "0x10", "NaN", "5"));
        }

        private String attributes() {
            return random.nextInt(4) == 0 ? text() : String.join(",", List.of(pick(SORTABLE), pick(SORTABLE),
                    pick(List.of("members", "groups", "emails.value", ENTERPRISE, "name.givenName", "schemas"))));
        }

        private String text() {
            return values.text();
        }

        private JsonNode textOrAny() {
            return random.nextInt(4) == 0 ? values.any(1) : JSON.textNode(text());
        }

        /** Some tenant, often another one than the token's: its ids must answer 404 here. */
        private FuzzTenant other() {
            return other;
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        private void param(StringBuilder query, String name, String value) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(name)).append('=').append(encode(value));
        }

        /** Percent-encodes every character but RFC 3986's unreserved ones, as UTF-8 (a lone surrogate becomes '?'). */
        private static String encode(String text) {
            StringBuilder out = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                    out.append((char) c);
                } else {
                    out.append('%').append(String.format("%02X", c));
                }
            }
            return out.toString();
        }
    }
}
