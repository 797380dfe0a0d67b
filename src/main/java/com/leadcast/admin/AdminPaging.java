package com.leadcast.admin;

import com.leadcast.scim.ScimException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * How the admin API's lists are paged: {@code count} items (default {@value #DEFAULT_COUNT}, at most
 * {@value #MAX_COUNT}) and an opaque {@code cursor} naming the last item of the previous page by its time and id,
 * the keyset the lists are ordered by. A cursor holds no secret and grants nothing: it only says where to go on.
 */
final class AdminPaging {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;

    /** A position in a list ordered by time, then id. */
    record Position(Instant at, String id) {
    }

    private AdminPaging() {
    }

    /** @throws ScimException {@code 400 invalidValue} unless {@code count} is absent or 1 to {@value #MAX_COUNT} */
    static int count(String count) {
        if (count == null || count.isBlank()) {
            return DEFAULT_COUNT;
        }
        try {
            int value = Integer.parseInt(count.trim());
            if (value >= 1 && value <= MAX_COUNT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ScimException.invalidValue("\"count\" must be a whole number from 1 to " + MAX_COUNT + " (default "
                + DEFAULT_COUNT + ")");
    }

    static String cursor(Position position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((position.at() + "|" + position.id())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ScimException {@code 400 invalidValue} for a cursor this server did not issue */
    static Optional<Position> position(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            String id = text.substring(bar + 1);
            if (bar > 0 && !id.isEmpty() && id.length() <= 64) {
                return Optional.of(new Position(Instant.parse(text.substring(0, bar)), id));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        throw ScimException.invalidValue("\"cursor\" is not one this server issued: send the nextCursor of the "
                + "previous page, or leave it out for the first page");
    }

    /** @throws ScimException {@code 400 invalidValue} unless {@code since} is absent or an RFC 3339 date-time */
    static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(since.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ScimException.invalidValue("\"since\" must be a date and time with its offset (RFC 3339), e.g. "
                    + "2026-12-01T00:00:00Z");
        }
    }
}
