package io.dreamloop.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dreamloop.contracts.event.EventTypes;
import org.junit.jupiter.api.Test;

/** The checker must catch each kind of breaking change and pass the compatible ones. */
class SchemaCompatibilityTest {
    private final ObjectNode released = JsonSchemas.generate(EventTypes.LIBRARY_DESIGNED);

    private ObjectNode copy() {
        return released.deepCopy();
    }

    private static ObjectNode member(final ObjectNode schema) {
        return (ObjectNode) schema.at("/$defs/LibraryMember");
    }

    @Test
    void identicalSchemasAreCompatible() {
        assertThat(SchemaCompatibility.full(released, copy())).isEmpty();
    }

    @Test
    void addingAnOptionalFieldIsCompatible() {
        final ObjectNode newer = copy();
        final ObjectNode anyOf = ((ObjectNode) member(newer).get("properties")).putObject("note");
        final ArrayNode options = anyOf.putArray("anyOf");
        options.addObject().put("type", "string");
        options.addObject().put("type", "null");
        assertThat(SchemaCompatibility.full(released, newer)).isEmpty();
    }

    @Test
    void addingARequiredFieldBreaksBackward() {
        final ObjectNode newer = copy();
        ((ObjectNode) member(newer).get("properties")).putObject("barcode").put("type", "string");
        ((ArrayNode) member(newer).get("required")).add("barcode");
        assertThat(SchemaCompatibility.full(released, newer))
                .containsExactly(
                        "backward: $.members[].barcode: required by the reader but optional or absent in the written data");
    }

    @Test
    void removingARequiredFieldBreaksForward() {
        final ObjectNode newer = copy();
        final ArrayNode required = (ArrayNode) newer.get("required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asText().equals("totalMembers")) {
                required.remove(i);
            }
        }
        ((ObjectNode) newer.get("properties")).remove("totalMembers");
        assertThat(SchemaCompatibility.full(released, newer))
                .containsExactly(
                        "forward: $.totalMembers: required by the reader but optional or absent in the written data");
    }

    @Test
    void changingATypeBreaksBothWays() {
        final ObjectNode newer = copy();
        ((ObjectNode) newer.at("/properties/totalMembers")).put("type", "string");
        assertThat(SchemaCompatibility.full(released, newer))
                .hasSize(2)
                .allMatch(p -> p.contains("type changed"));
    }

    @Test
    void removingAnEnumValueBreaksBackward() {
        final ObjectNode newer = copy();
        final JsonNode values = member(newer).at("/properties/subset/enum");
        ((ArrayNode) values).remove(0);
        assertThat(SchemaCompatibility.backward(released, newer))
                .containsExactly("$.members[].subset: enum value 'high' is no longer accepted");
    }

    @Test
    void makingAnOptionalFieldRequiredBreaksBackward() {
        final ObjectNode newer = copy();
        final ObjectNode props = (ObjectNode) member(newer).get("properties");
        props.set("pairId", props.get("pairId").get("anyOf").get(0));
        ((ArrayNode) member(newer).get("required")).add("pairId");
        assertThat(SchemaCompatibility.backward(released, newer))
                .contains(
                        "$.members[].pairId: may be null in the written data but the reader requires a value");
    }
}
