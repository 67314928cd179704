package org.patchlane.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * Serialises report records: camelCase names (the records' own), nulls kept (the contract lists them), dates ISO-8601
 * with offset. Written with jackson-core's generator and pretty printer, walking the records here: the output is
 * byte for byte what databind's {@code ObjectMapper} with {@code INDENT_OUTPUT} writes for them ({@code JsonTest}
 * holds the two together), but a new JVM spent about 50 ms building that mapper and its record serializers for one
 * command's answer.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** Each record type's component names and accessors, in component order, looked up once. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true); // a record nested in a command class is not public
            }
            return new Shape(names, accessors);
        }
    };

    private record Shape(String[] names, Method[] accessors) {
    }

    private Json() {
    }

    public static String write(Object report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            value(g, report);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof TreeNode) throw new IllegalArgumentException("a Jackson tree: write it with its mapper");
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Integer || v instanceof Short || v instanceof Byte) g.writeNumber(((Number) v).intValue());
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Float f) g.writeNumber(f);
        else if (v instanceof BigDecimal d) g.writeNumber(d);
        else if (v instanceof BigInteger i) g.writeNumber(i);
        else if (v instanceof Character c) g.writeString(c.toString());
        else if (v instanceof Enum<?> e) g.writeString(e.name());
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey() instanceof Enum<?> k ? k.name() : String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> items) { // not any Iterable: a Path iterates over Paths
            g.writeStartArray();
            for (Object item : items) value(g, item);
            g.writeEndArray();
        } else if (v.getClass().isArray() && !(v instanceof byte[]) && !(v instanceof char[])) {
            g.writeStartArray();
            for (int i = 0, n = Array.getLength(v); i < n; i++) value(g, Array.get(v, i));
            g.writeEndArray();
        } else if (v instanceof Record r) {
            g.writeStartObject();
            Shape shape = SHAPES.get(r.getClass());
            for (int i = 0; i < shape.names.length; i++) {
                g.writeFieldName(shape.names[i]);
                value(g, read(shape.accessors[i], r));
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }

    private static Object read(Method accessor, Record r) {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException x) throw x;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** ISO-8601 with offset (UTC), or null for an unknown date. */
    static String date(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
