package com.leadcast.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The Jackson configuration of every JSON body: absent values are omitted, dates are ISO-8601 strings, a duplicate
 * key in a request is a syntax error rather than a silent overwrite.
 */
@Provider
public class JsonMapperProvider implements ContextResolver<ObjectMapper> {

    /** The configured mapper, shared with {@link JsonBodyReader}. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }
}
