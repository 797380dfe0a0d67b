package com.leadcast.rest;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactedTest {

    @Test
    void logsTypesAndFramesButNoMessage() {
        SQLException sql = new SQLException("Batch entry 0 insert into scim_user values ('jane@x', '$pbkdf2$secret')",
                "23505");
        RuntimeException failure = new RuntimeException("could not execute statement [jane@x]", sql);
        StringWriter out = new StringWriter();
        Redacted.of(failure).printStackTrace(new PrintWriter(out));
        String logged = out.toString();
        assertFalse(logged.contains("jane@x"), logged);
        assertFalse(logged.contains("secret"), logged);
        assertTrue(logged.contains("java.lang.RuntimeException"), logged);
        assertTrue(logged.contains("java.sql.SQLException [SQLState 23505, error 0]"), logged);
        assertTrue(logged.contains("RedactedTest.logsTypesAndFramesButNoMessage"), "stack frames are kept");
        assertTrue(Redacted.describe(failure).contains("RuntimeException <- java.sql.SQLException"));
    }
}
