package com.leadcast.scim.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MergedPaging} over in-memory sources that read by keyset as the store does: pages forward and back, index
 * windows, and writes between pages.
 */
class MergedPagingTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** A resource type held in memory, read by keyset in the order the merged order gives its rows. */
    private static final class ListSource implements MergedPaging.Source {

        private final int index;
        private final List<KeyedRow> rows = new ArrayList<>();
        private final Comparator<List<Object>> keyOrder;

        ListSource(int index, Comparator<MergedPaging.Row> order) {
            this.index = index;
            this.keyOrder = (a, b) -> order.compare(new MergedPaging.Row(index, new KeyedRow("a", a)),
                    new MergedPaging.Row(index, new KeyedRow("b", b)));
        }

        void add(KeyedRow row) {
            rows.add(row);
            rows.sort((a, b) -> keyOrder.compare(a.key(), b.key()));
        }

        @Override
        public List<KeyedRow> read(CursorPosition position, int limit) {
            List<KeyedRow> found = new ArrayList<>();
            for (KeyedRow row : rows) {
                int c = position == null ? 1 : keyOrder.compare(row.key(), position.key());
                boolean beyond = position != null && position.backward() ? c < 0 : c > 0;
                if (beyond || position != null && position.inclusive() && c == 0) {
                    found.add(row);
                }
            }
            if (position != null && position.backward()) {
                Collections.reverse(found);
            }
            return found.subList(0, Math.min(limit, found.size()));
        }

        @Override
        public boolean exists(CursorPosition position) {
            return !read(position, 1).isEmpty();
        }
    }

    private static KeyedRow sortedRow(String id, String value, int second) {
        return new KeyedRow(id, Arrays.asList(value == null ? 1 : 0, value, T0.plusSeconds(second), id));
    }

    private static KeyedRow row(String id, int second) {
        return new KeyedRow(id, List.of(T0.plusSeconds(second), id));
    }

    /** Users sorted by a value (some without), Groups without the attribute, created interleaved. */
    private static List<ListSource> population(Comparator<MergedPaging.Row> order, boolean groupsSorted) {
        ListSource users = new ListSource(0, order);
        ListSource groups = new ListSource(1, order);
        String[] values = {"dora", null, "bob", "erin", "alice", null, "carl", "bob", "fay"};
        for (int i = 0; i < values.length; i++) {
            users.add(sortedRow("u" + i, values[i], 2 * i));
        }
        String[] groupValues = {"cats", null, "admins", "zeta"};
        for (int i = 0; i < groupValues.length; i++) {
            groups.add(groupsSorted ? sortedRow("g" + i, groupValues[i], 2 * i + 1) : row("g" + i, 2 * i + 1));
        }
        return List.of(users, groups);
    }

    private static List<String> ids(List<MergedPaging.Row> rows) {
        return rows.stream().map(r -> r.row().id()).toList();
    }

    /** Every row of the sources, sorted by the merged order. */
    private static List<String> fullSort(List<ListSource> sources, Comparator<MergedPaging.Row> order) {
        List<MergedPaging.Row> all = new ArrayList<>();
        for (ListSource source : sources) {
            source.rows.forEach(r -> all.add(new MergedPaging.Row(source.index, r)));
        }
        all.sort(order);
        return ids(all);
    }

    /** Walks forward from the start and back from the last page; asserts both give the same pages. */
    private static List<List<String>> walk(MergedPaging paging, int count) {
        List<List<String>> forward = new ArrayList<>();
        List<MergedPosition> previous = new ArrayList<>();
        MergedPosition at = null;
        do {
            MergedPaging.Page page = paging.page(at, count);
            assertEquals(forward.isEmpty(), page.previous() == null, "only the first page has no previous page");
            forward.add(ids(page.rows()));
            previous.add(page.previous());
            at = page.next();
            assertTrue(forward.size() < 100, "the walk ends");
        } while (at != null);
        List<List<String>> backward = new ArrayList<>();
        backward.add(forward.get(forward.size() - 1));
        at = previous.get(previous.size() - 1);
        while (at != null) {
            MergedPaging.Page page = paging.page(at, count);
            assertNotNull(page.next(), "a page before the last has a next page");
            backward.add(ids(page.rows()));
            at = page.previous();
        }
        Collections.reverse(backward);
        assertEquals(forward, backward, "walking back gives the same pages");
        return forward;
    }

    private static void assertWalks(List<ListSource> sources, Comparator<MergedPaging.Row> order) {
        MergedPaging paging = new MergedPaging(List.copyOf(sources), order);
        List<String> expected = fullSort(sources, order);
        for (int count : new int[]{1, 2, 3, 5, 13, 20}) {
            List<List<String>> pages = walk(paging, count);
            List<String> all = new ArrayList<>();
            pages.forEach(all::addAll);
            assertEquals(expected, all, "pages of " + count);
            pages.subList(0, pages.size() - 1).forEach(p -> assertEquals(count, p.size()));
        }
    }

    @Test
    void walksAnAscendingOrderWhereOneTypeLacksTheAttribute() {
        Comparator<MergedPaging.Row> order = MergedOrder.of(true, false, List.of(true, false));
        List<ListSource> sources = population(order, false);
        assertEquals(List.of("u4", "u2", "u7", "u6", "u0", "u3", "u8", "g0", "u1", "g1", "g2", "g3", "u5"),
                fullSort(sources, order), "missing values last, among them in creation order");
        assertWalks(sources, order);
    }

    @Test
    void walksADescendingOrderOfBothTypesWithMissingValuesFirst() {
        Comparator<MergedPaging.Row> order = MergedOrder.of(true, true, List.of(true, true));
        List<ListSource> sources = population(order, true);
        assertEquals(List.of("u1", "g1", "u5", "g3", "u8", "u3", "u0", "g0", "u6", "u2", "u7", "u4", "g2"),
                fullSort(sources, order));
        assertWalks(sources, order);
    }

    @Test
    void withoutSortByWalksEachTypeInTurn() {
        Comparator<MergedPaging.Row> order = MergedOrder.of(false, false, List.of(false, false));
        ListSource users = new ListSource(0, order);
        ListSource groups = new ListSource(1, order);
        for (int i = 0; i < 5; i++) {
            users.add(row("u" + i, 2 * i));
            groups.add(row("g" + i, 2 * i + 1));
        }
        List<ListSource> sources = List.of(users, groups);
        assertEquals(List.of("u0", "u1", "u2", "u3", "u4", "g0", "g1", "g2", "g3", "g4"), fullSort(sources, order));
        assertWalks(sources, order);
    }

    @Test
    void pagesEndBeforeTheirRowsOutweighTheBudgetAndTheNextPageCarriesOn() {
        Comparator<MergedPaging.Row> order = MergedOrder.of(true, false, List.of(true, false));
        ListSource users = new ListSource(0, order);
        ListSource groups = new ListSource(1, order);
        int[] sizes = {40, 70, 10, 100, 30, 30, 30, 95, 5};
        for (int i = 0; i < sizes.length; i++) {
            KeyedRow sorted = sortedRow("u" + i, "v" + i, 2 * i);
            users.add(new KeyedRow(sorted.id(), sorted.key(), sizes[i]));
            groups.add(new KeyedRow("g" + i, row("g" + i, 2 * i + 1).key(), sizes[sizes.length - 1 - i]));
        }
        List<ListSource> sources = List.of(users, groups);
        MergedPaging paging = new MergedPaging(List.copyOf(sources), order, 100);
        List<String> seen = new ArrayList<>();
        MergedPosition at = null;
        int pages = 0;
        do {
            MergedPaging.Page page = paging.page(at, 10);
            long weight = page.rows().stream().mapToLong(r -> r.row().size()).sum();
            assertTrue(weight <= 100 || page.rows().size() == 1, "a page over the budget holds one row: " + weight);
            assertFalse(page.rows().isEmpty());
            seen.addAll(ids(page.rows()));
            if (page.next() != null) {
                MergedPaging.Page back = paging.page(page.next().backward() ? page.next() : new MergedPosition(true,
                        page.next().cuts()), 10);
                assertTrue(back.rows().stream().mapToLong(r -> r.row().size()).sum() <= 100
                        || back.rows().size() == 1, "a page backward keeps the budget too");
            }
            at = page.next();
            pages++;
        } while (at != null && pages < 50);
        assertEquals(fullSort(sources, order), seen, "every row once, in order, across the cut pages");
        assertTrue(pages > 3, "the budget cut pages: " + pages);

        List<MergedPaging.Row> window = paging.window(2, 10);
        assertEquals(fullSort(sources, order).subList(2, 2 + window.size()), ids(window));
        assertTrue(window.stream().mapToLong(r -> r.row().size()).sum() <= 100, "an index window keeps the budget");
        assertEquals(fullSort(sources, order).subList(0, 10), ids(new MergedPaging(List.copyOf(sources), order)
                .window(0, 10)), "without a budget count alone bounds the page");
    }

    @Test
    void emptySourcesGiveOneEmptyPageWithoutCursors() {
        Comparator<MergedPaging.Row> order = MergedOrder.of(true, false, List.of(true, false));
        MergedPaging paging = new MergedPaging(List.of(new ListSource(0, order), new ListSource(1, order)), order);
        MergedPaging.Page page = paging.page(null, 10);
        assertEquals(List.of(), page.rows());
        assertNull(page.next());
        assertNull(page.previous());
        assertEquals(List.of(), paging.window(0, 10));
    }

    @Test
    void indexWindowsAreSlicesOfTheMergedOrderAlsoBeyondOneChunk() {
        Comparator<MergedPaging.Row> order = MergedOrder.of(true, false, List.of(true, true));
        ListSource users = new ListSource(0, order);
        ListSource groups = new ListSource(1, order);
        for (int i = 0; i < 1500; i++) {
            users.add(sortedRow("u" + i, i % 7 == 0 ? null : "v" + (i * 37 % 1000), i));
            groups.add(sortedRow("g" + i, i % 5 == 0 ? null : "v" + (i * 53 % 1000), i));
        }
        List<ListSource> sources = List.of(users, groups);
        MergedPaging paging = new MergedPaging(List.copyOf(sources), order);
        List<String> expected = fullSort(sources, order);
        for (long skip : new long[]{0, 1, 999, 1000, 1001, 2500, 2990, 2999, 3000, 4000}) {
            List<String> window = ids(paging.window(skip, 10));
            assertEquals(expected.subList((int) Math.min(skip, 3000), (int) Math.min(skip + 10, 3000)), window,
                    "window at " + skip);
        }
        assertEquals(List.of(), paging.window(5, 0));
    }

    @Test
    void writesBetweenPagesNeitherRepeatNorSkipWhatExisted() {
        Comparator<MergedPaging.Row> order = MergedOrder.of(true, false, List.of(true, false));
        List<ListSource> sources = population(order, false);
        MergedPaging paging = new MergedPaging(List.copyOf(sources), order);
        List<String> expected = new ArrayList<>(fullSort(sources, order));
        MergedPaging.Page first = paging.page(null, 4);
        List<String> seen = new ArrayList<>(ids(first.rows()));
        // a user sorting before the page just read, a group created later, and one read user deleted
        sources.get(0).add(sortedRow("u-early", "aaron", 100));
        sources.get(1).add(row("g-late", 101));
        sources.get(0).rows.removeIf(r -> r.id().equals(seen.get(0)));
        expected.add("g-late");
        MergedPosition at = first.next();
        while (at != null) {
            MergedPaging.Page page = paging.page(at, 4);
            seen.addAll(ids(page.rows()));
            at = page.next();
        }
        assertEquals(expected, seen, "every row that existed once, in order; the later group last");
        assertFalse(seen.contains("u-early"));
    }
}
