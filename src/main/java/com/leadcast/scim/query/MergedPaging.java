package com.leadcast.scim.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Pages through several resource types as one order, as {@code POST /.search} at the root does (RFC 7644 §3.4.3),
 * reading each type by keyset in its own order and merging: a page of {@code count} reads at most {@code count + 1}
 * keys of each type, whatever the page's place in the order.
 *
 * <p>A position in the merged order is one cut per type ({@link MergedPosition}). A page forward from a position
 * merges the keys after each cut, smallest first by the merged order, and takes {@code count}; the cut of each type
 * then moves past the last key taken from it. A page backward merges the keys before each cut, largest first. Each
 * page is therefore a contiguous run of every type's own order next to the cuts: a walk in either direction returns
 * each resource that existed throughout exactly once, even if resources are created or deleted between pages.
 *
 * <p>The merged order compares keys in Java ({@link MergedOrder}). Where it orders values as the database does
 * (times, numbers, ids, and strings under a binary collation such as {@code C} or H2's default) the result is one
 * sorted order; under a linguistic collation two strings of different types may meet in another order than a single
 * database sort would give them, and the walk remains exact.
 *
 * <p>A page (or index window) also ends before the {@link KeyedRow#size() sizes} of its rows exceed the page budget
 * given at construction, always holding at least one row: the cuts then stand after the last row taken, so the next
 * page carries on from there.
 */
public final class MergedPaging {

    /** How many keys of each type index paging reads at a time while it skips to {@code startIndex}. */
    private static final int SKIP_CHUNK = ListQuery.MAX_COUNT;

    /** One resource type as the merge reads it. */
    public interface Source {

        /**
         * The keys of at most {@code limit} resources beyond {@code position} in the type's order, nearest first
         * (for a backward position: descending); {@code null} reads from the type's first resource.
         */
        List<KeyedRow> read(CursorPosition position, int limit);

        /** Whether any resource lies beyond {@code position}; {@code null}: whether the type has any. */
        boolean exists(CursorPosition position);
    }

    /** A key of the resource type at {@code source}, the index of its {@link Source}. */
    public record Row(int source, KeyedRow row) {
    }

    /**
     * A page: its rows in the merged order, and where the pages next to it start ({@code null} where there is
     * nothing more on that side).
     */
    public record Page(List<Row> rows, MergedPosition next, MergedPosition previous) {
    }

    private final List<Source> sources;
    private final Comparator<Row> order;
    private final long pageBudget;

    /**
     * @param order      the merged order, consistent with each source's own order of its rows
     * @param pageBudget the most a page's rows may weigh together ({@link KeyedRow#size()}), unless it has one row
     */
    public MergedPaging(List<Source> sources, Comparator<Row> order, long pageBudget) {
        this.sources = List.copyOf(sources);
        this.order = order;
        this.pageBudget = pageBudget;
    }

    /** Pages bounded by {@code count} alone. */
    public MergedPaging(List<Source> sources, Comparator<Row> order) {
        this(sources, order, Long.MAX_VALUE);
    }

    /** The page of {@code count} rows from {@code position}; {@code null} asks for the first page. */
    public Page page(MergedPosition position, int count) {
        if (position == null) {
            position = MergedPosition.start(sources.size());
        }
        if (position.cuts().size() != sources.size()) {
            throw new IllegalArgumentException("A position of " + position.cuts().size() + " types for "
                    + sources.size() + " sources");
        }
        return position.backward() ? backward(position.cuts(), count) : forward(position.cuts(), count);
    }

    /**
     * Rows {@code skip + 1} to {@code skip + count} of the merged order (index paging, RFC 7644 §3.4.2.4), found by
     * walking forward from the start in chunks of keys, so that memory stays bounded however far the page lies.
     */
    public List<Row> window(long skip, int count) {
        List<CursorPosition> cuts = MergedPosition.start(sources.size()).cuts();
        long toSkip = skip;
        while (toSkip > 0) {
            Step step = merge(cuts, (int) Math.min(toSkip, SKIP_CHUNK), false, Long.MAX_VALUE);
            toSkip -= step.rows().size();
            if (!step.more()) {
                return List.of();
            }
            cuts = step.cuts();
        }
        return count == 0 ? List.of() : merge(cuts, count, false, pageBudget).rows();
    }

    private Page forward(List<CursorPosition> cuts, int count) {
        Step step = merge(cuts, count, false, pageBudget);
        boolean before = false;
        for (int i = 0; i < sources.size() && !before; i++) {
            before = cuts.get(i) != null && sources.get(i).exists(cuts.get(i).complement());
        }
        return new Page(step.rows(), step.more() ? new MergedPosition(false, step.cuts()) : null,
                before ? new MergedPosition(true, cuts) : null);
    }

    private Page backward(List<CursorPosition> cuts, int count) {
        Step step = merge(cuts, count, true, pageBudget);
        List<Row> rows = new ArrayList<>(step.rows());
        Collections.reverse(rows);
        boolean after = false;
        for (int i = 0; i < sources.size() && !after; i++) {
            after = sources.get(i).exists(cuts.get(i));
        }
        return new Page(rows, after ? new MergedPosition(false, cuts) : null,
                step.more() ? new MergedPosition(true, step.cuts()) : null);
    }

    /** Where a merge ends: the rows taken in reading order, the cuts past them, and whether rows are left. */
    private record Step(List<Row> rows, List<CursorPosition> cuts, boolean more) {
    }

    /**
     * Takes up to {@code count} rows next to {@code cuts}, weighing at most {@code budget} unless only one is
     * taken: forward the smallest first, backward the largest first. A type's cut moves past the rows taken from
     * it: forward after the last, backward to (and including) the first in the type's order.
     */
    private Step merge(List<CursorPosition> cuts, int count, boolean backward, long budget) {
        List<Deque<KeyedRow>> heads = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            CursorPosition cut = cuts.get(i);
            heads.add(backward && cut == null ? new ArrayDeque<>()
                    : new ArrayDeque<>(sources.get(i).read(backward ? cut.complement() : cut, count + 1)));
        }
        Comparator<Row> reading = backward ? order.reversed() : order;
        List<Row> taken = new ArrayList<>();
        List<CursorPosition> moved = new ArrayList<>(cuts);
        long weight = 0;
        while (taken.size() < count) {
            Row next = null;
            for (int i = 0; i < heads.size(); i++) {
                KeyedRow head = heads.get(i).peek();
                if (head != null && (next == null || reading.compare(new Row(i, head), next) < 0)) {
                    next = new Row(i, head);
                }
            }
            if (next == null || !taken.isEmpty() && weight + next.row().size() > budget) {
                break; // a row over the budget stays in its head: there is more
            }
            weight += next.row().size();
            heads.get(next.source()).poll();
            taken.add(next);
            List<Object> key = next.row().key();
            moved.set(next.source(), backward ? new CursorPosition(false, true, key) : CursorPosition.after(key));
        }
        boolean more = heads.stream().anyMatch(h -> !h.isEmpty());
        return new Step(taken, moved, more);
    }
}
