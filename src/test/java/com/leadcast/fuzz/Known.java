package com.leadcast.fuzz;

/**
 * The classes of input known to fail today and being fixed elsewhere (issue 8, "Bad data never gives a 500"). The
 * fuzzer sends them by default and fails on them; {@code -Dfuzz.skipKnown=true} leaves exactly these inputs out, to
 * look for other failures meanwhile.
 */
public enum Known {
    /** (a) PATCH/POST with {@code Content-Type: *}{@code /*} or {@code application/*}. */
    WILDCARD_CONTENT_TYPE,
    /** (b) U+0130 'İ' in a value: its lower case is longer than the index column. */
    DOTTED_CAPITAL_I,
    /** (c) NUL in a filter, an id or a value; a lone UTF-16 surrogate in a value. */
    NUL_OR_LONE_SURROGATE,
    /**
     * (d) {@code sortBy} a boolean attribute in the root {@code /.search}, or with cursor paging
     * ({@code GET /Users?sortBy=active&cursor=}): both read the sort values by keyset, {@code min(boolean)}.
     */
    ROOT_SORT_BY_BOOLEAN,
    /** (e) a group made a member of another group, which may race the reverse nesting into a deadlock. */
    GROUP_NESTING
}
