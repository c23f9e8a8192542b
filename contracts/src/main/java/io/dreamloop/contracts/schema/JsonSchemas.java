package io.dreamloop.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.OptionalField;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Derives the JSON Schema of an event from its record type. */
public final class JsonSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonSchemas() {}

    /** The resource path of the published schema of an event type. */
    public static String resourcePath(final EventTypes.Type type) {
        return "/schemas/%s/v%d.schema.json".formatted(type.name(), type.schemaVersion());
    }

    /** The schema of one event type, with nested records under {@code $defs}. */
    public static ObjectNode generate(final EventTypes.Type type) {
        final ObjectNode root = JSON.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put(
                "$id",
                "https://dreamloop.io/schemas/%s/v%d.schema.json"
                        .formatted(type.name(), type.schemaVersion()));
        root.put("title", type.javaType().getSimpleName());
        final ObjectNode defs = JSON.objectNode();
        root.setAll(objectSchema(type.javaType(), defs));
        if (!defs.isEmpty()) {
            root.set("$defs", defs);
        }
        return root;
    }

    private static ObjectNode objectSchema(final Class<?> record, final ObjectNode defs) {
        final ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        final ObjectNode properties = schema.putObject("properties");
        final ArrayNode required = JSON.arrayNode();
        for (final RecordComponent c : record.getRecordComponents()) {
            final boolean optional = c.isAnnotationPresent(OptionalField.class);
            final JsonNode property = typeSchema(c.getGenericType(), defs);
            properties.set(c.getName(), optional ? nullable(property) : property);
            if (!optional) {
                required.add(c.getName());
            }
        }
        schema.set("required", required);
        return schema;
    }

    private static JsonNode typeSchema(final Type type, final ObjectNode defs) {
        if (type instanceof ParameterizedType p) {
            return containerSchema(p, defs);
        }
        final Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (c == DnaSequence.class) {
            return JSON.objectNode()
                    .put("type", "string")
                    .put("pattern", "^[ACGTN]+$")
                    .put("minLength", 1)
                    .put("maxLength", DnaSequence.MAX_LENGTH);
        }
        if (c == UUID.class) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (c == Instant.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (c == double.class || c == Double.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (c.isEnum()) {
            return enumSchema(c);
        }
        if (c.isRecord()) {
            return recordRef(c, defs);
        }
        throw new IllegalArgumentException("unsupported type in an event: " + c.getName());
    }

    /** A {@code List} as an array, a {@code Map} as an object; no other generic type is used. */
    private static JsonNode containerSchema(final ParameterizedType p, final ObjectNode defs) {
        final Class<?> raw = (Class<?>) p.getRawType();
        final Type[] args = p.getActualTypeArguments();
        if (List.class.isAssignableFrom(raw)) {
            final ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", typeSchema(args[0], defs));
            return array;
        }
        if (Map.class.isAssignableFrom(raw)) {
            final ObjectNode map = JSON.objectNode().put("type", "object");
            map.set("additionalProperties", typeSchema(args[1], defs));
            return map;
        }
        throw new IllegalArgumentException("unsupported generic type in an event: " + p);
    }

    /** A string limited to the constants' wire names. */
    private static JsonNode enumSchema(final Class<?> c) {
        final ObjectNode e = JSON.objectNode().put("type", "string");
        final ArrayNode values = e.putArray("enum");
        for (final Object constant : c.getEnumConstants()) {
            values.add(wireName(constant));
        }
        return e;
    }

    /** A reference to the record's schema in {@code defs}, added there on first use. */
    private static JsonNode recordRef(final Class<?> c, final ObjectNode defs) {
        final String name = c.getSimpleName();
        if (!defs.has(name)) {
            defs.putObject(name); // placeholder against recursion
            defs.set(name, objectSchema(c, defs));
        }
        return JSON.objectNode().put("$ref", "#/$defs/" + name);
    }

    private static JsonNode nullable(final JsonNode schema) {
        final ObjectNode any = JSON.objectNode();
        final ArrayNode options = any.putArray("anyOf");
        options.add(schema);
        options.add(JSON.objectNode().put("type", "null"));
        return any;
    }

    private static String wireName(final Object enumConstant) {
        try {
            final Method m = enumConstant.getClass().getMethod("wireName");
            return (String) m.invoke(enumConstant);
        } catch (final ReflectiveOperationException e) {
            return ((Enum<?>) enumConstant).name();
        }
    }
}
