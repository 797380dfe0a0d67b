package com.leadcast.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadcast.scim.ScimException;
import com.leadcast.scim.text.StorableText;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body ({@code application/scim+json}, {@code application/json}) so that a body that is
 * not JSON, or not of the expected shape, is a SCIM {@code 400 invalidSyntax} with a detail, instead of the JSON
 * provider's plain-text answer. An empty body reads as {@code null}, which the endpoints refuse with their own detail.
 */
@Provider
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<Object> {

    private final ObjectMapper mapper = JsonMapperProvider.MAPPER;

    @Context
    HttpServletRequest request;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType != null && (mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json"));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 1);
        int first = in.read();
        if (first == -1) {
            return null;
        }
        in.unread(first);
        try {
            JsonNode tree = mapper.readTree(in);
            try {
                StorableText.requireAll(tree);
            } catch (ScimException e) {
                throw refused(e);
            }
            Object value = tree.isNull() ? null : mapper.treeToValue(tree, mapper.constructType(genericType));
            if (JsonNode.class.isAssignableFrom(type) && value != null && !type.isInstance(value)) {
                throw refused(ScimException.invalidSyntax("The request body must be a JSON object"));
            }
            return value;
        } catch (JsonProcessingException e) {
            String expected = ObjectNode.class.isAssignableFrom(type) ? "a JSON object" : "valid JSON";
            throw refused(ScimException.invalidSyntax("The request body is not " + expected + ": "
                    + e.getOriginalMessage().replace("creator property", "property")));
        } catch (CharConversionException e) {
            // Jackson guesses UTF-16 or UTF-32 from NUL bytes among the first four and fails to decode the rest
            throw refused(ScimException.invalidSyntax("The request body is not UTF-8 encoded JSON (RFC 8259 §8.1): "
                    + "it has bytes no JSON text can hold, such as NUL"));
        }
    }

    private WebApplicationException refused(ScimException e) {
        return new WebApplicationException(e.getMessage(), ScimErrors.response(e, ScimErrors.mediaTypeFor(request)));
    }
}
