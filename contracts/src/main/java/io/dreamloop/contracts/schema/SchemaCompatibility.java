package io.dreamloop.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks that data written under one JSON schema is readable under another, for the subset of JSON
 * Schema that {@link JsonSchemas} generates (objects, arrays, maps, scalars, enums, {@code $ref},
 * nullable {@code anyOf}).
 *
 * <p>Backward compatible = a consumer on the new schema reads events written under the old one;
 * forward compatible = a consumer still on the old schema reads events written under the new one.
 * Producers and consumers of a topic upgrade independently, so an event's schema version must be
 * both: only optional fields may be added, and no required field may be removed or retyped.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {}

    /**
     * Problems that stop a reader on {@code newer} from reading data written under {@code older}.
     */
    public static List<String> backward(final JsonNode older, final JsonNode newer) {
        final List<String> problems = new ArrayList<>();
        check(new Side(newer, newer), new Side(older, older), "$", problems, new HashSet<>());
        return problems;
    }

    /**
     * Problems that stop a reader on {@code older} from reading data written under {@code newer}.
     */
    public static List<String> forward(final JsonNode older, final JsonNode newer) {
        return backward(newer, older);
    }

    /** Both directions, each problem prefixed with the direction that fails. */
    public static List<String> full(final JsonNode older, final JsonNode newer) {
        final List<String> problems = new ArrayList<>();
        backward(older, newer).forEach(p -> problems.add("backward: " + p));
        forward(older, newer).forEach(p -> problems.add("forward: " + p));
        return problems;
    }

    /** A schema node with the root that its {@code $ref}s resolve against. */
    private record Side(JsonNode node, JsonNode root) {
        Side resolve() {
            JsonNode n = node;
            while (n.has("$ref")) {
                final String ref = n.get("$ref").asText();
                n = root.at(ref.substring(1));
            }
            return new Side(n, root);
        }

        boolean nullable() {
            final JsonNode any = node.get("anyOf");
            if (any == null) {
                return false;
            }
            for (final JsonNode option : any) {
                if ("null".equals(option.path("type").asText())) {
                    return true;
                }
            }
            return false;
        }

        /** The non-null branch of a nullable schema, or this. */
        Side value() {
            final JsonNode any = node.get("anyOf");
            if (any == null) {
                return resolve();
            }
            for (final JsonNode option : any) {
                if (!"null".equals(option.path("type").asText())) {
                    return new Side(option, root).resolve();
                }
            }
            return this;
        }

        Side child(final JsonNode n) {
            return new Side(n, root);
        }
    }

    private static void check(
            final Side reader,
            final Side writer,
            final String path,
            final List<String> problems,
            final Set<String> visited) {
        if (!visited.add(path + "|" + reader.node + "|" + writer.node)) {
            return;
        }
        if (writer.nullable() && !reader.nullable()) {
            problems.add(
                    path + ": may be null in the written data but the reader requires a value");
        }
        final Side r = reader.value();
        final Side w = writer.value();
        final String rt = r.node.path("type").asText();
        final String wt = w.node.path("type").asText();
        if (!rt.equals(wt) && !(rt.equals("number") && wt.equals("integer"))) {
            problems.add(path + ": type changed from '%s' to '%s'".formatted(wt, rt));
            return;
        }
        checkConstraints(r.node, w.node, path, problems);
        switch (rt) {
            case "object" -> checkObject(r, w, path, problems, visited);
            case "array" ->
                    check(
                            r.child(r.node.path("items")),
                            w.child(w.node.path("items")),
                            path + "[]",
                            problems,
                            visited);
            default -> {
                // scalars: type and constraints checked above
            }
        }
    }

    private static void checkObject(
            final Side r,
            final Side w,
            final String path,
            final List<String> problems,
            final Set<String> visited) {
        if (r.node.has("additionalProperties") || w.node.has("additionalProperties")) {
            check(
                    r.child(r.node.path("additionalProperties")),
                    w.child(w.node.path("additionalProperties")),
                    path + ".*",
                    problems,
                    visited);
        }
        final Set<String> writerRequired = names(w.node.path("required"));
        for (final String name : names(r.node.path("required"))) {
            if (!writerRequired.contains(name)) {
                problems.add(
                        path
                                + "."
                                + name
                                + ": required by the reader but optional or absent in the written data");
            }
        }
        final JsonNode rp = r.node.path("properties");
        final JsonNode wp = w.node.path("properties");
        final Iterator<String> it = rp.fieldNames();
        while (it.hasNext()) {
            final String name = it.next();
            if (wp.has(name)) {
                check(
                        r.child(rp.get(name)),
                        w.child(wp.get(name)),
                        path + "." + name,
                        problems,
                        visited);
            }
        }
    }

    private static void checkConstraints(
            final JsonNode r, final JsonNode w, final String path, final List<String> problems) {
        if (r.has("enum")) {
            final Set<String> allowed = names(r.get("enum"));
            final Set<String> written = names(w.path("enum"));
            if (!w.has("enum")) {
                problems.add(
                        path + ": reader restricts values to an enum the writer does not have");
            }
            for (final String value : written) {
                if (!allowed.contains(value)) {
                    problems.add(path + ": enum value '%s' is no longer accepted".formatted(value));
                }
            }
        }
        for (final String keyword : List.of("pattern", "format")) {
            if (r.has(keyword) && !r.get(keyword).equals(w.get(keyword))) {
                problems.add(
                        path
                                + ": %s changed from %s to %s"
                                        .formatted(keyword, w.get(keyword), r.get(keyword)));
            }
        }
        if (r.has("maxLength")
                && w.path("maxLength").asInt(Integer.MAX_VALUE) > r.get("maxLength").asInt()) {
            problems.add(path + ": maxLength lowered to " + r.get("maxLength").asInt());
        }
        if (r.has("minLength") && w.path("minLength").asInt(0) < r.get("minLength").asInt()) {
            problems.add(path + ": minLength raised to " + r.get("minLength").asInt());
        }
    }

    private static Set<String> names(final JsonNode array) {
        final Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
