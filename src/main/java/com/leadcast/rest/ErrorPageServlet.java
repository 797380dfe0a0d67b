package com.leadcast.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page of the whole web application (see web.xml): whatever the container answers by itself (401 and 403
 * from authentication, 404 outside the APIs, 500 from a filter) still comes as a SCIM error body in
 * {@code application/scim+json} ({@code application/json} on the admin API), never as an HTML page.
 */
@WebServlet(urlPatterns = "/scim-error")
public class ErrorPageServlet extends HttpServlet {

    /** Request attribute carrying a detail for the error body, set by whoever sends the error. */
    public static final String DETAIL_ATTRIBUTE = "com.leadcast.error.detail";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        if (status < 400) {
            status = HttpServletResponse.SC_NOT_FOUND;
        }
        Object detail = request.getAttribute(DETAIL_ATTRIBUTE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = (uri instanceof String u ? u : request.getRequestURI()).substring(request.getContextPath().length());
        response.setStatus(status);
        String retryAfter = ScimErrors.retryAfter(status);
        if (retryAfter != null && !response.containsHeader(ScimErrors.RETRY_AFTER)) {
            response.setHeader(ScimErrors.RETRY_AFTER, retryAfter);
        }
        response.setContentType(ScimErrors.mediaTypeFor(path).toString());
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), ScimErrors.body(status, null,
                detail != null ? detail.toString() : ScimErrors.defaultDetail(status)));
    }
}
