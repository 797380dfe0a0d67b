package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.ScimType;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.filter.FilterParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The filter compiler against real SQL, case by case: filter text as a client sends it, and the resources it must
 * find in {@link FilterPopulation}, written down by hand — the semantics of {@code caseExact}, of {@code ne} and
 * {@code not} on absent attributes, of multi-valued attributes and value filters, the precedence of {@code not},
 * {@code and} and {@code or}, and the refusals. Each case also holds the {@link FilterOracle} that the matrix test
 * trusts to the same expectation.
 *
 * <p>In the filters, {@code {label}} stands for a resource's id ({@code {STAFF}}: upper-cased),
 * {@code {created:label}} for its {@code meta.created} (and {@code created+2}: the same instant at +02:00),
 * {@code ENT:} and {@code MX:} for the Enterprise and test-only extension URNs; a backtick is a double quote.
 */
class FilterCompilerTest {

    private static FilterPopulation population;

    @BeforeAll
    static void populate() {
        population = FilterPopulation.shared();
    }

    @ParameterizedTest(name = "Users: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            userName eq `ALICE@contoso.com`                                    | alice
            userName sw `frank_1%`                                             | frank
            userName co `_`                                                    | frank
            userName gt `carol@fabrikam.com` and userName lt `erin`            | dave
            externalId eq `EXT-ALICE`                                          | erin
            externalId eq `ext-alice`                                          |
            externalId sw `EXT`                                                | alice erin
            externalId pr                                                      | alice bob erin
            not (externalId eq `EXT-Alice`)                                    | bob carol dave erin frank
            not (externalId sw `ext`)                                          | alice carol dave erin frank
            externalId ne `EXT-Alice`                                          | bob carol dave erin frank
            not (externalId ne `EXT-Alice`)                                    | alice
            not (not (externalId eq `ext-bob`))                                | bob
            not (not (not (externalId gt `F`)))                                | alice carol dave erin frank
            id eq `{alice}`                                                    | alice
            id eq `{ALICE}`                                                    |
            title eq `engineer`                                                | alice bob erin
            title ne `Engineer`                                                | carol dave frank
            not (title pr)                                                     | dave frank
            title eq null                                                      | dave frank
            title ne null                                                      | alice bob carol erin
            nickName eq `frank`                                                | frank
            displayName co `\\\\`                                              | frank
            displayName co `%`                                                 | frank
            displayName co `\\``                                               | erin
            name.familyName co `_100%`                                         | carol
            name pr                                                            | alice bob carol
            emails.value ew `contoso.com`                                      | alice bob dave frank
            emails co `HOME`                                                   | alice
            emails ne `bob@contoso.com`                                        | alice carol dave erin frank
            emails.type eq `work`                                              | alice bob carol frank
            emails.primary eq false                                            | bob
            emails.primary ne true                                             | bob carol dave erin
            emails[type eq `work` and value co `example`]                      | bob frank
            emails[type eq `home` and value eq `alice@contoso.com`]            |
            emails[type eq `work`].value ew `contoso.com`                      | alice frank
            emails[not (type pr)]                                              | erin
            emails[type ne `work`]                                             | alice bob dave erin
            not (emails[type eq `work`])                                       | dave erin
            emails[primary eq true]                                            | alice frank
            emails[type eq `work` and not (primary eq true)]                   | bob carol frank
            emails[type eq null]                                               | erin
            phoneNumbers[type eq `mobile` or type eq `work`]                   | alice carol
            addresses[locality sw `spr` and country eq `us`]                   | alice
            active eq true                                                     | alice erin
            active eq `False`                                                  | bob frank
            active ne true                                                     | bob carol dave frank
            not (active pr)                                                    | carol dave
            profileUrl sw `https://CONTOSO.com`                                |
            profileUrl co `fabrikam`                                           | carol
            photos.value ew `Alice.png`                                        | alice
            photos.value ew `alice.png`                                        |
            x509Certificates.value eq `MIIBqzCCARSgAwIBAgIBATANBgkq`           | alice
            x509Certificates eq `miibqzccarsgawibagibatanbgkq`                 |
            roles eq `admin`                                                   | alice bob
            roles[value eq `admin` and type eq `legacy`]                       | bob
            roles[value eq `admin` and not (type pr)]                          | alice
            ENT:department eq `sales`                                          | alice
            ENT:manager eq `M-1`                                               | alice erin
            ENT:manager.$ref sw `https://contoso.com/`                         | alice
            ENT:manager[value eq `m-1` and displayName pr]                     | alice
            MX:level gt 4                                                      | alice bob
            MX:level le 0                                                      | carol
            MX:level ne 5                                                      | bob carol dave erin frank
            MX:level eq `10`                                                   | bob
            MX:score eq 4.75                                                   | alice carol
            MX:score lt 0                                                      | bob
            MX:score ge 1e2                                                    | erin
            MX:hiredAt eq `2020-01-15T09:00:00Z`                               | alice carol
            MX:hiredAt gt `2021-06-30T21:59:59Z`                               | bob
            MX:hiredAt le `2021-06-30T21:59:59.499Z`                           | alice carol
            MX:badges eq 3                                                     | alice bob
            MX:badges ne 3                                                     | carol dave erin frank
            MX:badges gt 15                                                    | erin
            MX:shifts[hours ge 8 and start lt `2026-01-05T12:00:00Z`]          | alice
            MX:shifts[label eq `late`]                                         | alice
            MX:shifts[label eq `Late`]                                         |
            MX:shifts.hours eq 6 and MX:shifts.label eq `Night`                |
            groups eq `{staff}`                                                | alice bob
            groups.value eq `{STAFF}`                                          | alice bob
            groups ne `{admins}`                                               | bob carol dave erin frank
            groups pr                                                          | alice bob
            not (groups pr)                                                    | carol dave erin frank
            groups.type eq `Direct`                                            | alice bob
            groups.type co `x`                                                 |
            groups.type sw `dir`                                               | alice bob
            groups[type eq `direct` and value eq `{admins}`]                   | alice
            groups[not (value eq `{staff}`)]                                   | alice
            groups.display eq `staff`                                          | alice bob
            groups[display co `DMIN`]                                          | alice
            meta.resourceType eq `user`                                        | alice bob carol dave erin frank
            meta.resourceType sw `G`                                           |
            meta.resourceType ne `Group`                                       | alice bob carol dave erin frank
            meta.resourceType pr                                               | alice bob carol dave erin frank
            meta.created gt `{created:carol}`                                  | dave erin frank
            meta.created eq `{created+2:alice}`                                | alice
            meta.lastModified gt `{created:frank}`                             | bob
            not (meta.created le `{created:bob}`)                              | carol dave erin frank
            title eq `Manager` or title eq `Engineer` and active eq false      | bob carol
            (title eq `Manager` or title eq `Engineer`) and active eq false    | bob
            not (title pr) or userName sw `alice` and active eq true           | alice dave frank
            not (title pr or active pr)                                        | dave
            not (not (title eq `manager`))                                     | carol
            userName sw `a` or userName sw `b` or userName sw `c` and title pr | alice bob carol
            not (userName sw `a` or userName sw `b`) and not (title pr)        | dave frank
            """)
    void usersFound(String filter, String labels) {
        Filter parsed = parse(filter);
        assertEquals(labels(labels), population.users(parsed), () -> filter + " compiled to SQL");
        assertEquals(labels(labels), population.expectedUsers(parsed), () -> filter + " by the oracle");
    }

    @ParameterizedTest(name = "Groups: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            displayName eq `STAFF`                                             | staff
            displayName sw `e`                                                 | empty
            externalId eq `G-STAFF`                                            | empty
            not (externalId eq `g-Staff`)                                      | admins empty
            not (externalId lt `h`)                                            | admins
            members.value eq `{alice}`                                         | admins staff
            members eq `{ALICE}`                                               | admins staff
            members ne `{alice}`                                               | empty
            members.type eq `group`                                            | admins
            members[type eq `User` and value eq `{bob}`]                       | staff
            members[type eq `User` and not (value eq `{alice}`)]               | staff
            not (members[type eq `Group`])                                     | empty staff
            members pr                                                         | admins staff
            not (members pr)                                                   | empty
            members.display pr                                                 | admins staff
            members.display eq `alice adams`                                   | admins staff
            members[display pr]                                                | admins staff
            members[type eq `Group` and display sw `Sta`]                      | admins
            meta.resourceType eq `Group` and displayName co `a`                | admins staff
            """)
    void groupsFound(String filter, String labels) {
        Filter parsed = parse(filter);
        assertEquals(labels(labels), population.groups(parsed), () -> filter + " compiled to SQL");
        assertEquals(labels(labels), population.expectedGroups(parsed), () -> filter + " by the oracle");
    }

    @ParameterizedTest(name = "Users: {0} is invalidFilter")
    @CsvSource(delimiter = '|', textBlock = """
            active gt true
            active co `t`
            active eq `yes`
            active eq 1
            emails.primary lt false
            emails[primary le true]
            x509Certificates.value gt `a`
            x509Certificates sw `M`
            meta.created co `2026`
            meta.created gt `yesterday`
            meta.lastModified eq 5
            MX:level sw `1`
            MX:level eq `ten`
            MX:hiredAt gt 5
            MX:shifts[hours co 1]
            title gt null
            emails[value co null]
            name eq `x`
            name[nickName eq `x`]
            nickName2 eq `x`
            userName.first eq `x`
            meta.location eq `x`
            meta.version pr
            meta pr
            meta[created pr]
            title[value eq `x`]
            emails[kind eq `x`]
            groups.$ref pr and groups[$ref pr]
            groups[value lt null]
            urn:ietf:params:scim:schemas:extension:unknown:2.0:User:department eq `x`
            title eq `x` and (active lt false or title pr)
            members pr
            password pr
            password eq `secret`
            password ne `secret`
            password eq null
            not (password co `s`)
            password[value eq `x`]
            userName eq `a` or password sw `s`
            """)
    void usersRefused(String filter) {
        Filter parsed = parse(filter);
        assertEquals("invalidFilter", FilterPopulation.outcome(() -> population.users(parsed)), filter);
        assertEquals("invalidFilter", FilterPopulation.outcome(() -> population.expectedUsers(parsed)), filter);
    }

    @ParameterizedTest(name = "Groups: {0} is invalidFilter")
    @CsvSource(delimiter = '|', textBlock = """
            members.$ref co `Users`
            members[value gt null]
            displayName[value eq `x`]
            userName eq `x`
            """)
    void groupsRefused(String filter) {
        Filter parsed = parse(filter);
        assertEquals("invalidFilter", FilterPopulation.outcome(() -> population.groups(parsed)), filter);
        assertEquals("invalidFilter", FilterPopulation.outcome(() -> population.expectedGroups(parsed)), filter);
    }

    // --- searched together, as at the root /.search (RFC 7644 §3.4.2) ---------------------------------------------

    @ParameterizedTest(name = "Groups at the root: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            userName eq `alice@contoso.com`                                    |
            userName ne `alice@contoso.com`                                    | admins empty staff
            userName pr                                                        |
            not (userName pr)                                                  | admins empty staff
            not (not (userName pr))                                            |
            userName eq null                                                   | admins empty staff
            userName ne null                                                   |
            not (userName eq null)                                             |
            userName sw `a` or userName co `a` or userName gt `a`              |
            not (userName ew `.com` or userName lt `z`)                        | admins empty staff
            displayName ew `s` or userName eq `alice@contoso.com`              | admins
            displayName ew `s` and not (userName eq `alice@contoso.com`)       | admins
            displayName ew `s` and userName ne `x` and title pr                |
            emails[type eq `work`]                                             |
            not (emails[type eq `work`])                                       | admins empty staff
            emails[kind eq `x`]                                                |
            name.familyName co `a`                                             |
            not (name.familyName co `a`)                                       | admins empty staff
            active eq true or active eq `yes`                                  |
            not (active eq true)                                               | admins empty staff
            ENT:department eq `Sales`                                          |
            ENT:department ne `Sales`                                          | admins empty staff
            MX:level gt 4 or displayName eq `empty crew`                       | empty
            not (MX:level gt `ten`)                                            | admins empty staff
            password eq `secret` or displayName eq `Staff`                     | staff
            groups.display eq `staff` or members.value eq `{alice}`            | admins staff
            urn:ietf:params:scim:schemas:core:2.0:User:userName sw `a`         |
            urn:ietf:params:scim:schemas:core:2.0:Group:displayName sw `a`     | admins
            """)
    void groupsFoundAtTheRoot(String filter, String labels) {
        Filter parsed = parse(filter);
        assertEquals(labels(labels), population.groupsAtTheRoot(parsed), () -> filter + " compiled to SQL");
        assertEquals(labels(labels), population.expectedGroupsAtTheRoot(parsed), () -> filter + " by the oracle");
    }

    @ParameterizedTest(name = "Users at the root: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            members pr                                                         |
            not (members pr)                                                   | alice bob carol dave erin frank
            members eq `{alice}`                                               |
            members ne `{alice}`                                               | alice bob carol dave erin frank
            members[type eq `User`]                                            |
            not (members[type eq `User`] or members.display co `a`)            | alice bob carol dave erin frank
            members.$ref co `Users`                                            |
            displayName co `a` and not (members pr)                            | alice frank
            displayName co `a` or members.value eq `{alice}`                   | alice frank
            userName sw `a` or members[value eq `{alice}`]                     | alice
            urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq `Alice Adams` |
            urn:ietf:params:scim:schemas:core:2.0:Group:displayName ne `Alice Adams` | alice bob carol dave erin frank
            title eq `engineer`                                                | alice bob erin
            """)
    void usersFoundAtTheRoot(String filter, String labels) {
        Filter parsed = parse(filter);
        assertEquals(labels(labels), population.usersAtTheRoot(parsed), () -> filter + " compiled to SQL");
        assertEquals(labels(labels), population.expectedUsersAtTheRoot(parsed), () -> filter + " by the oracle");
    }

    @ParameterizedTest(name = "Groups at the root: {0} is invalidFilter")
    @CsvSource(delimiter = '|', textBlock = """
            shoeSize eq 1
            userName.first eq `x`
            emails.kind eq `x`
            userName gt null
            not (title co null)
            displayName eq `x` or shoeSize pr
            members.$ref co `Users`
            displayName[value eq `x`]
            urn:ietf:params:scim:schemas:extension:unknown:2.0:User:department eq `x`
            """)
    void groupsRefusedAtTheRoot(String filter) {
        Filter parsed = parse(filter);
        assertEquals("invalidFilter", FilterPopulation.outcome(() -> population.groupsAtTheRoot(parsed)), filter);
        assertEquals("invalidFilter", FilterPopulation.outcome(() -> population.expectedGroupsAtTheRoot(parsed)),
                filter);
    }

    @ParameterizedTest(name = "Users at the root: {0} is invalidFilter")
    @CsvSource(delimiter = '|', textBlock = """
            shoeSize eq 1
            members.kind eq `x`
            members gt null
            active gt true or members pr
            password pr
            not (password eq `secret`)
            urn:ietf:params:scim:schemas:core:2.0:Group:userName eq `x`
            """)
    void usersRefusedAtTheRoot(String filter) {
        Filter parsed = parse(filter);
        assertEquals("invalidFilter", FilterPopulation.outcome(() -> population.usersAtTheRoot(parsed)), filter);
        assertEquals("invalidFilter", FilterPopulation.outcome(() -> population.expectedUsersAtTheRoot(parsed)),
                filter);
    }

    @ParameterizedTest(name = "A refusal says why: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            shoeSize eq 1                 | The filter names 'shoeSize', which is not an attribute of User or Group
            emails.kind eq `x`            | 'emails' has no sub-attribute 'kind'
            password pr                   | password is write-only and cannot be filtered on
            not (password eq `secret`)    | password is write-only and cannot be filtered on
            """)
    void refusalsAtTheRootSayWhy(String filter, String detail) {
        Filter parsed = parse(filter);
        ScimException refused = assertThrows(ScimException.class, () -> population.usersAtTheRoot(parsed));
        assertEquals(ScimType.INVALID_FILTER, refused.scimType());
        assertEquals(detail, refused.detail());
    }

    // --- the notation of the cases --------------------------------------------------------------------------------

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(created\\+2:|created:)?([A-Za-z]+)}");

    private static Filter parse(String filter) {
        String text = filter.replace('`', '"').replace("ENT:", FilterPopulation.ENTERPRISE + ":")
                .replace("MX:", FilterPopulation.MATRIX + ":");
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(resolved, Matcher.quoteReplacement(placeholder(m.group(1), m.group(2))));
        }
        m.appendTail(resolved);
        return FilterParser.parse(resolved.toString());
    }

    private static String placeholder(String kind, String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        String id = population.userIds.containsKey(lower) ? population.userIds.get(lower)
                : population.groupIds.get(lower);
        if (kind == null) {
            return label.equals(lower) ? id : id.toUpperCase(Locale.ROOT);
        }
        Instant created = Instant.parse(population.userViews.get(id).path("meta").path("created").asText());
        return kind.equals("created:") ? created.toString()
                : OffsetDateTime.ofInstant(created, ZoneOffset.ofHours(2)).toString();
    }

    private static Set<String> labels(String labels) {
        return labels == null ? Set.of() : new TreeSet<>(Arrays.asList(labels.trim().split("\\s+")));
    }
}
