package com.leadcast.observability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One server's count of one tenant's requests and errors in one hour (table {@code tenant_activity}, V10). */
@Entity
@Table(name = "tenant_activity")
@IdClass(TenantActivityHour.Key.class)
public class TenantActivityHour {

    /** The row's key: tenant, hour, server. */
    public static class Key implements Serializable {
        private String tenantId;
        private Instant hourStart;
        private String serverId;

        public Key() {
        }

        Key(String tenantId, Instant hourStart, String serverId) {
            this.tenantId = tenantId;
            this.hourStart = hourStart;
            this.serverId = serverId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && tenantId.equals(key.tenantId) && hourStart.equals(key.hourStart)
                    && serverId.equals(key.serverId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, hourStart, serverId);
        }
    }

    @Id
    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    @Id
    @Column(name = "hour_start")
    private Instant hourStart;

    @Id
    @Column(name = "server_id", length = 36)
    private String serverId;

    @Column(nullable = false)
    private long requests;

    @Column(nullable = false)
    private long errors;

    @Column(name = "last_request_at", nullable = false)
    private Instant lastRequestAt;

    protected TenantActivityHour() {
    }

    TenantActivityHour(String tenantId, Instant hourStart, String serverId) {
        this.tenantId = tenantId;
        this.hourStart = hourStart;
        this.serverId = serverId;
        this.lastRequestAt = hourStart;
    }

    void add(long moreRequests, long moreErrors, Instant lastRequest) {
        requests += moreRequests;
        errors += moreErrors;
        if (lastRequest.isAfter(lastRequestAt)) {
            lastRequestAt = lastRequest;
        }
    }

    Instant hourStart() {
        return hourStart;
    }

    long requests() {
        return requests;
    }

    long errors() {
        return errors;
    }

    Instant lastRequestAt() {
        return lastRequestAt;
    }
}
