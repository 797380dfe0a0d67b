package com.leadcast.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Bounds what one list page holds in memory, whatever the documents: rows are read one by one from the database
 * and the page ends before the stored documents read exceed {@value #MAX_PAGE_CHARACTERS} characters (at least one
 * resource is always returned). A page cut short says so with a smaller {@code itemsPerPage} (and, paged by cursor,
 * a {@code nextCursor}); RFC 7644 §3.4.2.4 lets a service return fewer results than {@code count}. The root
 * {@code POST /.search} merges keys before it reads documents and holds its merged page to the same budget by the
 * stored sizes the keys carry ({@link com.leadcast.scim.query.MergedPaging}).
 */
public final class PageBudget {

    /** 4 Mi characters: a page of 1,000 typical users (2-3 KB each) is never cut. */
    public static final int MAX_PAGE_CHARACTERS = 4 * 1024 * 1024;

    /** Rows JDBC reads from the database at a time, so that a page is not read whole before it is cut. */
    static final int FETCH_SIZE = 100;

    /** The rows taken, and whether the budget, not the end of the rows or {@code limit}, ended the page. */
    record Taken<T>(List<T> rows, boolean cut) {
    }

    private PageBudget() {
    }

    /** At most {@code limit} of {@code rows} within the budget, each weighing {@code size} characters. */
    static <T> Taken<T> take(Stream<T> rows, int limit, ToIntFunction<T> size) {
        List<T> taken = new ArrayList<>();
        long used = 0;
        try (rows) {
            Iterator<T> it = rows.iterator();
            while (taken.size() < limit && it.hasNext()) {
                T row = it.next();
                used += size.applyAsInt(row);
                if (used > MAX_PAGE_CHARACTERS && !taken.isEmpty()) {
                    return new Taken<>(taken, true);
                }
                taken.add(row);
            }
        }
        return new Taken<>(taken, false);
    }
}
