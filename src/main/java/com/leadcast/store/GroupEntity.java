package com.leadcast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A SCIM Group (RFC 7643 §4.2). Its members are rows of {@link MemberEntity}, not part of the document, so that
 * changing one membership never reads or rewrites the others. {@code displayNameKey} keeps display names unique
 * per tenant, case-insensitively.
 */
@Entity
@Table(name = "scim_group")
public class GroupEntity extends ResourceEntity {

    @Column(name = "display_name", nullable = false, length = 512)
    private String displayName;

    @Column(name = "display_name_key", nullable = false, length = 512)
    private String displayNameKey;

    protected GroupEntity() {
    }

    GroupEntity(String tenantId, Instant now) {
        super(tenantId, now);
    }

    @Override
    protected String resourceType() {
        return "Group";
    }

    @Override
    protected void deriveColumns(ObjectNode document) {
        displayName = column("displayName", Json.text(document, "displayName"));
        displayNameKey = column("displayName", Json.key(displayName));
    }

    public String getDisplayName() {
        return displayName;
    }
}
