package org.patchlane.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.patchlane.patch.MessageKind;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@link Json} writes what databind's {@code ObjectMapper} with {@code INDENT_OUTPUT} writes, byte for byte: for
 * values of every kind a report holds, and, for the project's own records, because none of them has a getter-like
 * method databind would add as a property beside the components.
 */
class JsonTest {
    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Person(String name, String email) {
    }

    record Every(String text, String none, int small, long big, double ratio, float f, boolean yes, Boolean boxed,
                 MessageKind kind, List<String> empty, List<Person> people, Map<String, Object> byList,
                 Map<MessageKind, Integer> byKind, Set<String> set, int[] numbers, Character letter, BigDecimal exact,
                 Person nested, Map<String, List<Person>> nestedMap) {
    }

    @Test
    void sameBytesAsDatabind() throws IOException {
        Map<String, Object> byList = new LinkedHashMap<>();
        byList.put("linux-rdma", 3);
        byList.put("netdev", null);
        byList.put("nested", Map.of("k", List.of(1L, 2L)));
        Map<MessageKind, Integer> byKind = new LinkedHashMap<>();
        byKind.put(MessageKind.PATCH, 7);
        byKind.put(MessageKind.REPLY, 0);
        for (double ratio : List.of(0.1, 1.0, 1e20, -0.0, 123456.789, Double.NaN, Double.POSITIVE_INFINITY)) {
            Every e = new Every("quote \" backslash \\ tab \t nl \n ctl \u0001 ünïcode ✓ 😀 </script>", null, -42,
                    Long.MAX_VALUE, ratio, 2.5f, true, false, MessageKind.COVER, List.of(),
                    List.of(new Person("Jürgen Weiß", "jw@example.org"), new Person("", null)), byList, byKind,
                    new LinkedHashSet<>(List.of("b", "a")), new int[] {3, 1, 2}, 'x', new BigDecimal("1.50"),
                    new Person("n", "e"), Map.of("only", List.of()));
            assertEquals(DATABIND.writeValueAsString(e), Json.write(e), "ratio " + ratio);
        }
        for (Object plain : List.of("top", 1, List.of(), Map.of(), new Person(null, null)))
            assertEquals(DATABIND.writeValueAsString(plain), Json.write(plain));
    }

    /**
     * The records of the JSON contract: the reports', from the class files, and every record their components can
     * hold, whatever its package. (The commands' own small answers are held to the documented fields by
     * {@code JsonDocTest}, and a type {@link Json} has no form for fails there.)
     */
    @Test
    void noReportRecordHasAPropertyBesideItsComponents() throws Exception {
        Path classes = Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Deque<Class<?>> todo = new ArrayDeque<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/patchlane/report"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, Json.class.getClassLoader());
                // MessageCopies is what show reads its copies from; MessageJson is what it writes.
                if (c.isRecord() && c.getEnclosingClass() != Json.class && c != MessageCopies.class) todo.add(c);
            }
        }
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<String> extra = new ArrayList<>();
        while (!todo.isEmpty()) {
            Class<?> r = todo.pop();
            if (!seen.add(r)) continue;
            Set<String> components = new LinkedHashSet<>();
            for (RecordComponent c : r.getRecordComponents()) {
                components.add(c.getName());
                for (Class<?> held : classesIn(c.getGenericType())) {
                    if (held.isRecord()) todo.add(held);
                    else if (!written(held)) extra.add(r.getName() + "." + c.getName() + ": " + held.getName());
                }
            }
            for (Method m : r.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
                        || m.getParameterCount() > 0 || m.getReturnType() == void.class
                        || components.contains(m.getName())) continue;
                boolean getter = m.getName().matches("get[A-Z].*")
                        || m.getName().matches("is[A-Z].*") && m.getReturnType() == boolean.class;
                if (getter) extra.add(r.getName() + "." + m.getName());
            }
        }
        assertTrue(seen.contains(SeriesJson.class) && seen.contains(org.patchlane.mail.Address.class), seen::toString);
        assertEquals(List.of(), extra, "databind would write these as properties, or in a form Json does not");
    }

    /** The types {@link Json} writes as databind does, besides records. */
    private static boolean written(Class<?> c) {
        return c.isPrimitive() || c.isEnum() || c == String.class || c == Object.class || c == Character.class
                || Number.class.isAssignableFrom(c) || c == Boolean.class || java.util.Collection.class.isAssignableFrom(c)
                || Map.class.isAssignableFrom(c);
    }

    private static List<Class<?>> classesIn(Type t) {
        List<Class<?>> out = new ArrayList<>();
        if (t instanceof Class<?> c) out.add(c.isArray() ? c.getComponentType() : c);
        else if (t instanceof ParameterizedType p) {
            out.addAll(classesIn(p.getRawType()));
            for (Type a : p.getActualTypeArguments()) out.addAll(classesIn(a));
        } else if (t instanceof WildcardType w) {
            Arrays.stream(w.getUpperBounds()).forEach(b -> out.addAll(classesIn(b)));
        }
        return out;
    }
}
