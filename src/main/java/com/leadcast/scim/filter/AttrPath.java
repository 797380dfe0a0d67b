package com.leadcast.scim.filter;

/**
 * An attribute path, {@code attrPath = [URI ":"] ATTRNAME *1subAttr} (RFC 7644 §3.4.2.2, Figure 1),
 * e.g. {@code userName}, {@code name.givenName} or
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>A URI-qualified path is split at its <em>last</em> colon, so the example above has
 * {@code uri = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"}, {@code name = "manager"}
 * and {@code subAttr = "value"}. A bare schema URN such as
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User} is syntactically the path
 * {@code uri = "urn:...:2.0"}, {@code name = "User"}; the caller resolves that ambiguity against its
 * schemas, typically by comparing {@link #fullName()} with the known schema URNs (RFC 7644 §3.5.2).
 * Names keep the case in which they were written; SCIM attribute names are case-insensitive
 * (RFC 7643 §2.1), so compare them with {@link String#equalsIgnoreCase(String)}.
 *
 * @param uri     schema URI prefix without the trailing colon, or {@code null}
 * @param name    attribute name ({@code ATTRNAME}, or {@code $ref})
 * @param subAttr sub-attribute name, or {@code null}
 */
public record AttrPath(String uri, String name, String subAttr) {

    /** Validates the parts; throws {@link IllegalArgumentException} for names the grammar rejects. */
    public AttrPath {
        if (uri != null && uri.isEmpty()) {
            throw new IllegalArgumentException("uri must be null or non-empty");
        }
        if (name == null || !Lexicon.isAttrName(name)) {
            throw new IllegalArgumentException("Invalid attribute name: " + name);
        }
        if (subAttr != null && !Lexicon.isAttrName(subAttr)) {
            throw new IllegalArgumentException("Invalid sub-attribute name: " + subAttr);
        }
    }

    /** A path of a single attribute name without URI or sub-attribute. */
    public static AttrPath of(String name) {
        return new AttrPath(null, name, null);
    }

    /** The URI-qualified attribute name without sub-attribute: {@code uri + ":" + name}, or {@code name}. */
    public String fullName() {
        return uri == null ? name : uri + ":" + name;
    }

    /** Canonical text: {@code [uri:]name[.subAttr]}. */
    @Override
    public String toString() {
        return subAttr == null ? fullName() : fullName() + "." + subAttr;
    }
}
