package com.leadcast.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageBudgetTest {

    private static final int MB = 1024 * 1024;

    @Test
    void smallRowsAreTakenUpToTheLimit() {
        PageBudget.Taken<Integer> taken = PageBudget.take(Stream.of(1, 2, 3, 4), 3, row -> 2000);
        assertEquals(List.of(1, 2, 3), taken.rows());
        assertFalse(taken.cut());
    }

    @Test
    void thePageEndsBeforeTheBudgetIsExceeded() {
        PageBudget.Taken<Integer> taken = PageBudget.take(Stream.of(1, 2, 3, 4, 5), 5, row -> MB + 1);
        assertEquals(List.of(1, 2, 3), taken.rows(), "4 rows of just over 1 Mi would exceed 4 Mi");
        assertTrue(taken.cut());
    }

    @Test
    void oneRowIsAlwaysTakenAndTheStreamClosed() {
        boolean[] closed = {false};
        PageBudget.Taken<Integer> taken = PageBudget.take(Stream.of(1, 2).onClose(() -> closed[0] = true), 2,
                row -> PageBudget.MAX_PAGE_CHARACTERS + 1);
        assertEquals(List.of(1), taken.rows());
        assertTrue(taken.cut());
        assertTrue(closed[0]);
    }

    @Test
    void anExhaustedStreamIsNotACut() {
        PageBudget.Taken<Integer> taken = PageBudget.take(Stream.of(1), 10, row -> 1);
        assertEquals(List.of(1), taken.rows());
        assertFalse(taken.cut());
    }
}
