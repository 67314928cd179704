package org.patchlane.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * A maintainer's write, from a page's form or from an API client's JSON object: the same named fields either way,
 * so each route validates one shape. A form is answered with a redirect, JSON with JSON.
 */
final class WriteRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean form;
    private final Map<String, String> fields;

    private WriteRequest(boolean form, Map<String, String> fields) {
        this.form = form;
        this.fields = fields;
    }

    /**
     * Reads {@code names} from the form or the JSON body; a body that is no JSON object is answered 400 (naming
     * {@code shape}, the object expected) and gives empty.
     */
    static Optional<WriteRequest> read(Context ctx, String shape, String... names) {
        Map<String, String> fields = new HashMap<>();
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            for (String name : names) fields.put(name, ctx.formParam(name));
            return Optional.of(new WriteRequest(true, fields));
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            error(ctx, HttpStatus.BAD_REQUEST, "the body is not a JSON object: " + shape);
            return Optional.empty();
        }
        for (String name : names) fields.put(name, body.hasNonNull(name) ? body.get(name).asText() : null);
        return Optional.of(new WriteRequest(false, fields));
    }

    /** Whether it came from a page's form (answered with a redirect) rather than the API. */
    boolean form() {
        return form;
    }

    /** The field's value, null when absent. */
    String field(String name) {
        return fields.get(name);
    }

    /** A JSON answer. */
    static void reply(Context ctx, HttpStatus status, Object body) {
        App.json(ctx.status(status), body);
    }

    /** A JSON error, {@code {"error": message}}. */
    static void error(Context ctx, HttpStatus status, String message) {
        reply(ctx, status, Map.of("error", message));
    }
}
