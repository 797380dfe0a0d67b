package com.leadcast.scim.filter;

/**
 * Reads an {@link AttrPath} from a word token, {@code attrPath = [URI ":"] ATTRNAME *1subAttr}
 * (RFC 7644 §3.4.2.2). The URI is everything before the last colon.
 */
final class AttrPathReader {
    private AttrPathReader() {
    }

    static AttrPath read(Token token, ErrorFactory errors) {
        String text = token.text();
        int colon = text.lastIndexOf(':');
        String uri = colon < 0 ? null : text.substring(0, colon);
        if (uri != null && (uri.isEmpty() || !Lexicon.isAlpha(uri.charAt(0)))) {
            throw invalid(token, "a schema URI such as urn:ietf:params:scim:schemas:core:2.0:User "
                    + "must come before the last ':'", errors);
        }
        String rest = text.substring(colon + 1);
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        checkName(token, name, colon < 0 ? "an attribute name" : "an attribute name after the last ':'", errors);
        if (dot < 0) {
            return new AttrPath(uri, name, null);
        }
        String subAttr = rest.substring(dot + 1);
        if (subAttr.indexOf('.') >= 0) {
            throw invalid(token, "only one sub-attribute is allowed, as in name.givenName", errors);
        }
        checkName(token, subAttr, "a sub-attribute name after '.'", errors);
        return new AttrPath(uri, name, subAttr);
    }

    /** Reads the {@code .subAttr} word that follows a closing bracket. */
    static String readSubAttr(Token token, ErrorFactory errors) {
        String name = token.text().substring(1);
        if (name.indexOf('.') >= 0) {
            throw invalid(token, "only one sub-attribute may follow ']'", errors);
        }
        checkName(token, name, "a sub-attribute name after '.'", errors);
        return name;
    }

    private static void checkName(Token token, String name, String what, ErrorFactory errors) {
        if (Lexicon.isAttrName(name)) {
            return;
        }
        if (name.isEmpty()) {
            throw invalid(token, "expected " + what, errors);
        }
        if (!Lexicon.isAlpha(name.charAt(0))) {
            throw invalid(token, what + " must start with a letter, found '" + name.charAt(0) + "'", errors);
        }
        char bad = name.chars().filter(c -> !Lexicon.isNameChar((char) c)).mapToObj(c -> (char) c)
                .findFirst().orElseThrow();
        throw invalid(token, "character '" + bad + "' is not allowed in " + what
                + "; use letters, digits, '_', '-' and '$'", errors);
    }

    private static FilterException invalid(Token token, String reason, ErrorFactory errors) {
        return errors.at("Invalid attribute path " + token.describe() + " at position " + token.start()
                + ": " + reason, token.start());
    }
}
