package com.leadcast.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One membership of a group: a User or a Group of the same tenant. */
@Entity
@Table(name = "group_member")
@IdClass(MemberEntity.Key.class)
public class MemberEntity {

    /** The composite key (group, member). */
    public static class Key implements Serializable {
        private String groupId;
        private String memberId;

        public Key() {
        }

        public Key(String groupId, String memberId) {
            this.groupId = groupId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(groupId, k.groupId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, memberId);
        }
    }

    @Id
    @Column(name = "group_id", length = 36)
    private String groupId;

    @Id
    @Column(name = "member_id", length = 36)
    private String memberId;

    @Column(name = "member_type", nullable = false, length = 8)
    private String memberType;

    @Column(name = "tenant_id", nullable = false, length = 36)
    private String tenantId;

    protected MemberEntity() {
    }

    MemberEntity(String tenantId, String groupId, String memberId, String memberType) {
        this.tenantId = tenantId;
        this.groupId = groupId;
        this.memberId = memberId;
        this.memberType = memberType;
    }

    public String getGroupId() {
        return groupId;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getMemberType() {
        return memberType;
    }
}
