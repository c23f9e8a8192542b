package io.dreamloop.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.event.OptionalField;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a required field missing from an event's JSON before it is bound, so that an absent number
 * is reported instead of silently becoming 0. Optional fields (see {@link OptionalField}) may be
 * absent, which is what lets older events be read after a field was added.
 */
public final class RequiredFields {
    private RequiredFields() {}

    /** The path of the first required field that is absent or null, if any. */
    public static Optional<String> firstMissing(final JsonNode json, final Class<?> recordType) {
        return missing(json, recordType, "");
    }

    private static Optional<String> missing(
            final JsonNode json, final Type type, final String path) {
        if (type instanceof ParameterizedType p) {
            return missingInContainer(json, p, path);
        }
        if (!(type instanceof Class<?> c) || !c.isRecord() || !json.isObject()) {
            return Optional.empty();
        }
        return missingInRecord(json, c, path);
    }

    /** The first missing field inside a list's elements or a map's values, in their order. */
    private static Optional<String> missingInContainer(
            final JsonNode json, final ParameterizedType p, final String path) {
        final Class<?> raw = (Class<?>) p.getRawType();
        final Type[] args = p.getActualTypeArguments();
        if (List.class.isAssignableFrom(raw) && json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                final Optional<String> m = missing(json.get(i), args[0], path + "[" + i + "]");
                if (m.isPresent()) {
                    return m;
                }
            }
        } else if (Map.class.isAssignableFrom(raw) && json.isObject()) {
            for (final Map.Entry<String, JsonNode> e : json.properties()) {
                final Optional<String> m = missing(e.getValue(), args[1], path + "." + e.getKey());
                if (m.isPresent()) {
                    return m;
                }
            }
        }
        return Optional.empty();
    }

    /** The first record component that is absent without being optional, or missing inside. */
    private static Optional<String> missingInRecord(
            final JsonNode json, final Class<?> c, final String path) {
        for (final RecordComponent component : c.getRecordComponents()) {
            final JsonNode value = json.get(component.getName());
            final String here =
                    path.isEmpty() ? component.getName() : path + "." + component.getName();
            if (value == null || value.isNull()) {
                if (!component.isAnnotationPresent(OptionalField.class)) {
                    return Optional.of(here);
                }
                continue;
            }
            final Optional<String> m = missing(value, component.getGenericType(), here);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }
}
