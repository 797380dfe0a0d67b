package com.leadcast.audit;

import com.leadcast.api.AdminApi;
import com.leadcast.api.GroupsApi;
import com.leadcast.api.UsersApi;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link AuditedOperation} lists exactly the writes of the audited endpoints' generated interfaces: a write added to
 * the API without a row here fails this test instead of escaping the audit trail.
 */
class AuditedOperationTest {

    @Test
    void everyWriteOfTheAuditedApisAndNothingElseIsListed() {
        Set<String> writes = new TreeSet<>();
        for (Class<?> api : new Class<?>[]{UsersApi.class, GroupsApi.class, AdminApi.class}) {
            for (Method method : api.getMethods()) {
                boolean write = method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                        || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class);
                boolean search = method.isAnnotationPresent(Path.class)
                        && method.getAnnotation(Path.class).value().endsWith(".search");
                if (write && !search) {
                    writes.add(method.getName());
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        Stream.of(AuditedOperation.values()).forEach(o -> listed.add(o.name()));
        Set<String> methods = new TreeSet<>();
        writes.forEach(w -> methods.add(AuditedOperation.of(w).map(Enum::name).orElse("missing: " + w)));
        assertEquals(listed, methods);
    }
}
