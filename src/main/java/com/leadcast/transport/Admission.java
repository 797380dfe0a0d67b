package com.leadcast.transport;

import com.leadcast.rest.ScimErrors;
import com.leadcast.security.BearerHeader;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The transport's verdict on a request from its request line and headers alone: refused (with the SCIM error it
 * gets), admitted after its body has been read, or admitted as it is. The checks run in the order a client is
 * best told about them: a body too large to accept at all (RFC 9110 §15.5.14), a missing bearer token on the
 * protected APIs (RFC 6750 §3.1), then a body that is not JSON (RFC 9110 §15.5.16, RFC 7644 §3.1).
 */
public sealed interface Admission {

    /** The request may go on; {@code readBody} says whether a body must be read in full first. */
    record Admit(boolean readBody) implements Admission {
    }

    /** The request is answered {@code status} with {@code detail} and the extra response {@code headers}. */
    record Refuse(int status, String detail, Map<String, String> headers) implements Admission {
    }

    /** The methods whose body is the request (RFC 7644 §3.3–3.5, §3.4.3, §3.7). */
    Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    /**
     * Judges a request to {@code path} (relative to the context root).
     *
     * @param contentLength the {@code Content-Length}, or -1 when the body is chunked or absent
     * @param hasBody       whether the request has a body still to be read
     */
    static Admission of(String method, String path, long contentLength, boolean hasBody, String contentType,
                        String authorization) {
        if (hasBody && contentLength > RequestLimits.MAX_BODY_BYTES) {
            return tooLarge("The request body has " + contentLength + " bytes");
        }
        boolean api = isProtected(path);
        if (hasBody && api && BearerHeader.token(authorization).isEmpty()) {
            return new Refuse(401, BearerHeader.MISSING_DETAIL, Map.of("WWW-Authenticate", BearerHeader.challenge(null)));
        }
        if (api && (hasBody || BODY_METHODS.contains(method)) && contentType != null && !isJson(contentType)) {
            return new Refuse(415, "The request body is sent as '" + contentType + "'; "
                    + ScimErrors.defaultDetail(415).replaceFirst("^Send", "send"), Map.of());
        }
        return new Admit(hasBody);
    }

    /** The 413 for a body of which {@code what} says how large it is. */
    static Refuse tooLarge(String what) {
        return new Refuse(413, what + "; at most " + RequestLimits.MAX_BODY_BYTES + " bytes are accepted", Map.of());
    }

    /** The 408 for a body that did not arrive within {@link RequestLimits#BODY_TIMEOUT}. */
    static Refuse bodyTimedOut() {
        return new Refuse(408, "The request body did not arrive within " + RequestLimits.BODY_TIMEOUT.toSeconds()
                + " seconds of its headers; the connection is closed", Map.of());
    }

    /** The SCIM API and the admin API, the two paths web.xml protects. */
    static boolean isProtected(String path) {
        return path.equals("/scim") || path.startsWith("/scim/") || path.equals("/admin") || path.startsWith("/admin/");
    }

    /**
     * Whether {@code contentType} names a JSON body: {@code application/json}, {@code application/scim+json} or any
     * other {@code +json} type, parameters aside. A wildcard is no media type of a body (RFC 9110 §8.3).
     */
    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash <= 0 || type.startsWith("*")) {
            return false;
        }
        String subtype = type.substring(slash + 1);
        return subtype.equals("json") || subtype.endsWith("+json") && subtype.length() > "+json".length();
    }
}
