package com.leadcast.store;

import com.leadcast.scim.ScimException;
import com.leadcast.scim.filter.Filter;
import com.leadcast.scim.query.CursorPosition;
import com.leadcast.scim.query.KeyedRow;
import com.leadcast.scim.query.ListQuery;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the stores of Users and Groups share: tenant-scoped look-up, locking, filtered and paged queries evaluated by
 * the database, and translation of a unique-constraint violation into {@code 409 uniqueness} and of a value too long
 * for its column into {@code 400 invalidValue}.
 */
public abstract class ResourceStore<E extends ResourceEntity> {

    /** The length of the string columns copied out of a document (user_name, display_name, external_id). */
    static final int MAX_COLUMN_LENGTH = 512;

    @PersistenceContext(unitName = "scim")
    protected EntityManager em;

    @Inject
    AttributeIndex index;

    protected abstract Class<E> entityType();

    /** The SCIM resource type name, for error details ("User", "Group"). */
    protected abstract String resourceName();

    /** How the resource type's attributes are found in SQL, for {@link FilterCompiler}. */
    protected abstract QueryModel queryModel();

    /** The resource {@code id} of the tenant, or 404: another tenant's ids are as unknown as ids never issued. */
    public E require(String tenantId, String id) {
        return find(tenantId, id, LockModeType.NONE);
    }

    /**
     * The resource, locked against concurrent writers until the transaction ends, so that read-modify-write
     * requests such as PATCH never lose each other's updates.
     */
    public E requireForUpdate(String tenantId, String id) {
        return find(tenantId, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private E find(String tenantId, String id, LockModeType lock) {
        List<E> found = em.createQuery("select r from " + entityType().getSimpleName()
                        + " r where r.id = :id and r.tenantId = :tenant", entityType())
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .setLockMode(lock)
                .getResultList();
        if (found.isEmpty()) {
            throw ScimException.notFound(resourceName() + " " + id + " not found");
        }
        return found.get(0);
    }

    /**
     * The tenant's resources matching the query's filter (none: all), in its sort order (none: creation order),
     * from the 1-based {@code startIndex}, at most {@code count} of them (0: only the total).
     */
    public Page<E> query(String tenantId, ListQuery listQuery) {
        int startIndex = listQuery.startIndex();
        int count = listQuery.count();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        if (listQuery.sortBy() != null) {
            SortCompiler.resolve(listQuery.sortBy(), queryModel()); // an unsortable sortBy is refused, even with count=0
        }
        if (count == 0) {
            return new Page<>(count(tenantId, listQuery), List.of());
        }

        CriteriaQuery<E> query = cb.createQuery(entityType());
        Root<E> root = query.from(entityType());
        List<Order> order = new ArrayList<>();
        if (listQuery.sortBy() != null) {
            order.addAll(SortCompiler.order(listQuery.sortBy(), listQuery.descending(), cb, query, root, queryModel()));
        }
        order.add(cb.asc(root.get("createdAt")));
        order.add(cb.asc(root.get("id")));
        query.select(root).where(where(cb, query, root, tenantId, listQuery)).orderBy(order);
        Stream<E> rows = em.createQuery(query)
                .setFirstResult(startIndex - 1)
                .setMaxResults(count)
                .setHint(HibernateHints.HINT_FETCH_SIZE, PageBudget.FETCH_SIZE)
                .getResultStream();
        PageBudget.Taken<E> page = PageBudget.take(rows, count, ResourceEntity::documentLength);
        return new Page<>(total(tenantId, listQuery, startIndex, count, page), page.rows());
    }

    /**
     * {@code totalResults} of an index page: told by the page itself when it ended before {@code count} rows with the
     * matching rows (not cut by the budget) and holds some, or starts at the first — an identity provider's match
     * filter finds 0 or 1 resource, and is then answered without a count query; counted otherwise.
     */
    private long total(String tenantId, ListQuery listQuery, int startIndex, int count, PageBudget.Taken<E> page) {
        boolean endOfRows = !page.cut() && page.rows().size() < count;
        if (endOfRows && (!page.rows().isEmpty() || startIndex == 1)) {
            return startIndex - 1L + page.rows().size();
        }
        return count(tenantId, listQuery);
    }

    /**
     * A page of a cursor query (RFC 9865): the tenant's resources matching the query's filter, in its sort order
     * (none: creation order), at most {@code count} of them from {@code position} (null: the first page), read by
     * keyset so that concurrent writes neither repeat nor skip rows that existed.
     */
    public KeysetPage<E> queryByCursor(String tenantId, ListQuery listQuery, CursorPosition position) {
        long total = count(tenantId, listQuery);
        boolean backward = position != null && position.backward();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<E> root = query.from(entityType());
        Keyset keyset = Keyset.of(listQuery, cb, query, root, queryModel());
        query.multiselect(keyset.selections())
                .where(where(cb, query, root, tenantId, listQuery, keyset, position))
                .orderBy(keyset.order(cb, backward));
        PageBudget.Taken<Tuple> taken = PageBudget.take(em.createQuery(query).setMaxResults(listQuery.count() + 1)
                .setHint(HibernateHints.HINT_FETCH_SIZE, PageBudget.FETCH_SIZE)
                .getResultStream(), listQuery.count() + 1, row -> row.get(0, entityType()).documentLength());
        List<Tuple> rows = new ArrayList<>(taken.rows());
        boolean more = taken.cut() || rows.size() > listQuery.count();
        if (rows.size() > listQuery.count()) {
            rows.remove(rows.size() - 1);
        }
        if (backward) {
            Collections.reverse(rows);
        }
        List<E> resources = rows.stream().map(row -> row.get(0, entityType())).toList();
        if (rows.isEmpty()) {
            // nothing left on the side read: the rows on the other side of the cursor's key are a page's neighbours
            CursorPosition other = position == null ? null : position.complement();
            boolean found = other != null && exists(tenantId, listQuery, other);
            return new KeysetPage<>(total, resources, found && backward ? other : null,
                    found && !backward ? other : null);
        }
        List<Object> first = keyset.key(rows.get(0), em);
        List<Object> last = keyset.key(rows.get(rows.size() - 1), em);
        boolean after = backward ? exists(tenantId, listQuery, CursorPosition.after(last)) : more;
        boolean before = backward ? more : position != null && exists(tenantId, listQuery, CursorPosition.before(first));
        return new KeysetPage<>(total, resources, after ? CursorPosition.after(last) : null,
                before ? CursorPosition.before(first) : null);
    }

    /**
     * The keys of at most {@code limit} of the query's resources beyond {@code position} (null: from the first) in
     * its order, nearest first, without reading the resources: what a merge of several resource types
     * ({@link com.leadcast.scim.query.MergedPaging}) reads.
     */
    public List<KeyedRow> keys(String tenantId, ListQuery listQuery, CursorPosition position, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<E> root = query.from(entityType());
        Keyset keyset = Keyset.of(listQuery, cb, query, root, queryModel());
        query.multiselect(keyset.keyedRowSelections(cb))
                .where(where(cb, query, root, tenantId, listQuery, keyset, position))
                .orderBy(keyset.order(cb, position != null && position.backward()));
        return keyset.keys(em.createQuery(query).setMaxResults(limit).getResultList(), em);
    }

    /** The tenant's resources {@code ids}, those that exist, in no particular order. */
    public List<E> byIds(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from " + entityType().getSimpleName()
                        + " r where r.tenantId = :tenant and r.id in :ids", entityType())
                .setParameter("tenant", tenantId)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** How many of the tenant's resources match the query's filter (none: all). */
    public long count(String tenantId, ListQuery listQuery) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> countQuery = cb.createQuery(Long.class);
        Root<E> countRoot = countQuery.from(entityType());
        countQuery.select(cb.count(countRoot)).where(where(cb, countQuery, countRoot, tenantId, listQuery));
        return em.createQuery(countQuery).getSingleResult();
    }

    /** Whether any of the query's resources lies beyond {@code position} (null: whether there is any). */
    public boolean exists(String tenantId, ListQuery listQuery, CursorPosition position) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> query = cb.createQuery(String.class);
        Root<E> root = query.from(entityType());
        Keyset keyset = Keyset.of(listQuery, cb, query, root, queryModel());
        query.select(root.get("id")).where(where(cb, query, root, tenantId, listQuery, keyset, position));
        return !em.createQuery(query).setMaxResults(1).getResultList().isEmpty();
    }

    private Predicate where(CriteriaBuilder cb, AbstractQuery<?> query, Root<E> root, String tenantId,
                            ListQuery listQuery, Keyset keyset, CursorPosition position) {
        Predicate matches = where(cb, query, root, tenantId, listQuery);
        return position == null ? matches : cb.and(matches, keyset.beyond(position, cb));
    }

    /** The tenant's resources matching the query's filter, as applied to this type among the query's others. */
    private Predicate where(CriteriaBuilder cb, AbstractQuery<?> query, Root<E> root, String tenantId,
                            ListQuery listQuery) {
        Predicate tenant = cb.equal(root.get("tenantId"), tenantId);
        Filter filter = listQuery.filter();
        return filter == null ? tenant : cb.and(tenant, FilterCompiler.compile(filter, listQuery.otherTypes(), cb,
                query, root, queryModel(), tenantId));
    }

    /** Stores a new resource from a checked document, with its attribute index. */
    protected E insert(E entity, ObjectNode document, Supplier<String> conflictDetail) {
        entity.writeDocument(document, entity.getCreatedAt()); // a new resource was last modified when created
        E saved = flushed(() -> {
            em.persist(entity);
            return entity;
        }, conflictDetail);
        index.insert(entity.getTenantId(), entity.getId(), queryModel().type(), document);
        return saved;
    }

    /**
     * Replaces a stored resource's document and attribute index. An unchanged document (an identity provider
     * re-asserting what it sent before) changes nothing, not even {@code meta.lastModified} or the version, unless
     * {@code changedOtherwise} (e.g. a new password).
     */
    protected E rewrite(E entity, ObjectNode document, boolean changedOtherwise, Supplier<String> conflictDetail) {
        ObjectNode previous = entity.document();
        if (!changedOtherwise && previous.equals(document)) {
            return entity;
        }
        entity.writeDocument(document, Instant.now());
        E saved = flushed(() -> entity, conflictDetail);
        index.update(entity.getTenantId(), entity.getId(), queryModel().type(), previous, document);
        return saved;
    }

    /** Deletes a resource and its attribute index. */
    protected void remove(E entity) {
        index.delete(entity.getId());
        em.remove(entity);
    }

    /**
     * Runs {@code write} and flushes it, so that a unique constraint of the database (the only guard that holds
     * under concurrency) answers {@code 409 uniqueness} with {@code conflictDetail}.
     */
    protected <T> T flushed(Supplier<T> write, Supplier<String> conflictDetail) {
        try {
            T result = write.get();
            em.flush();
            return result;
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException) {
                    throw ScimException.uniqueness(conflictDetail.get());
                }
                if (t instanceof DataException) {
                    // SQLSTATE class 22: what the client sent does not fit a column, in practice a string too long
                    throw ScimException.invalidValue("A value is longer than this service stores: userName, "
                            + "displayName and externalId may be at most " + MAX_COLUMN_LENGTH + " characters");
                }
            }
            throw e;
        }
    }
}
