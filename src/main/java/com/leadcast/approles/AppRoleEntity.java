package com.leadcast.approles;

import com.leadcast.scim.roles.AppRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/** One row of the app-role catalog; {@code role_key} (the value in lower case) keeps values unique ignoring case. */
@Entity
@Table(name = "app_role")
class AppRoleEntity {

    @Id
    @Column(name = "role_key", length = 200)
    private String key;

    @Column(name = "role_value", nullable = false, length = 200)
    private String value;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(length = 1000)
    private String description;

    @Column(name = "list_position", nullable = false)
    private int position;

    protected AppRoleEntity() {
    }

    AppRoleEntity(AppRole role, int position) {
        this.key = role.value().toLowerCase(Locale.ROOT);
        this.value = role.value();
        this.displayName = role.displayName();
        this.description = role.description();
        this.position = position;
    }

    AppRole role() {
        return new AppRole(value, displayName, description);
    }
}
