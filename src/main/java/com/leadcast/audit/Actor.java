package com.leadcast.audit;

import java.util.Arrays;

/**
 * Who made a change: a tenant's API token (by id), an OAuth client, or the operator's admin credential.
 *
 * @param type what kind of credential
 * @param id   the credential's id; {@value #BOOTSTRAP_ADMIN} for the {@code LEADCAST_ADMIN_TOKEN}
 */
public record Actor(Type type, String id) {

    /** The id of the admin credential configured as {@code LEADCAST_ADMIN_TOKEN}. */
    public static final String BOOTSTRAP_ADMIN = "bootstrap";

    /** The kinds of credential, as the audit API names them. */
    public enum Type {
        TOKEN("token"), OAUTH_CLIENT("oauthClient"), ADMIN("admin");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Type of(String wireName) {
            return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unknown actor type in the audit trail: " + wireName));
        }
    }
}
