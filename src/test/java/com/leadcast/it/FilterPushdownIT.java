package com.leadcast.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.filter.FilterParser;
import com.leadcast.scim.query.ListQuery;
import com.leadcast.scim.query.OtherResourceTypes;
import com.leadcast.store.Page;
import com.leadcast.store.UserEntity;
import com.leadcast.store.UserStore;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Inside the server: a filtered, sorted, paged list asks the database for exactly the page and its total, and loads
 * only the resources of the page, however many the tenant has. Hibernate's statistics count what was loaded.
 */
@ExtendWith(ArquillianExtension.class)
class FilterPushdownIT {

    private static final int POPULATION = 300;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addClass(FilterPushdownIT.class);
    }

    @Inject
    UserStore users;

    @PersistenceUnit(unitName = "scim")
    EntityManagerFactory emf;

    @Inject
    UserTransaction transaction;

    @Test
    void aFilteredPagedListLoadsOnlyItsPage() throws Exception {
        String tenant = newTenant();
        for (int i = 0; i < POPULATION; i++) {
            if (i % 25 == 0) {
                transaction.begin();
            }
            ObjectNode user = JsonNodeFactory.instance.objectNode()
                    .put("userName", "user" + i + "@pushdown.example")
                    .put("title", i % 100 == 0 ? "Chief" : "Staff");
            user.putArray("emails").addObject().put("type", "work").put("value", "user" + i + "@pushdown.example");
            users.create(tenant, user, null);
            if (i % 25 == 24) {
                transaction.commit();
            }
        }

        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        ListQuery query = new ListQuery(FilterParser.parse("title eq \"chief\" and emails[type eq \"work\" and value co \"pushdown\"]"),
                FilterParser.parsePath("userName").attribute(), true, 2, 1, null, null, null, OtherResourceTypes.NONE);
        Page<UserEntity> page = users.query(tenant, query);
        statistics.setStatisticsEnabled(false);

        assertEquals(3, page.totalResults());
        assertEquals(1, page.resources().size());
        assertEquals("user100@pushdown.example", page.resources().get(0).getUserName());
        assertEquals(2, statistics.getQueryExecutionCount(), "one count query and one page query");
        assertEquals(1, statistics.getEntityLoadCount(), "only the page's user is loaded");
    }

    private String newTenant() throws Exception {
        transaction.begin();
        var em = emf.createEntityManager();
        em.joinTransaction();
        String id = UUID.randomUUID().toString();
        em.createNativeQuery("insert into tenant (id, name, created_at) values (?, ?, current_timestamp)")
                .setParameter(1, id).setParameter(2, "pushdown").executeUpdate();
        em.close();
        transaction.commit();
        return id;
    }
}
