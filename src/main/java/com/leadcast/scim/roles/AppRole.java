package com.leadcast.scim.roles;

/** One Leadcast app role: the {@code value} SCIM clients send in {@code roles[].value}, and how people see it. */
public record AppRole(String value, String displayName, String description) {
}
