package io.dreamloop.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.dreamloop.contracts.SampleEvents;
import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.wire.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the published schema files equal to the records, the records' JSON valid under them, and
 * every schema compatible (both directions) with each released snapshot.
 *
 * <p>After changing an event record, run {@code ./mvnw -pl contracts test
 * -Ddreamloop.writeSchemas=true} to rewrite {@code src/main/resources/schemas}; the compatibility
 * test then tells whether the change may ship under the same schema version.
 */
class SchemaFilesTest {
    private static final Path PUBLISHED = Path.of("src/main/resources");
    private static final Path RELEASED = Path.of("src/test/resources/released-schemas");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void publishedSchemasAreTheGeneratedOnes() throws IOException {
        final boolean write = Boolean.getBoolean("dreamloop.writeSchemas");
        final List<String> stale = new ArrayList<>();
        for (final EventTypes.Type type : EventTypes.ALL) {
            final JsonNode generated = JsonSchemas.generate(type);
            final Path file = PUBLISHED.resolve(JsonSchemas.resourcePath(type).substring(1));
            if (write) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(generated) + "\n");
            }
            if (!Files.exists(file) || !JSON.readTree(file.toFile()).equals(generated)) {
                stale.add(file.toString());
            }
        }
        assertThat(stale)
                .as("schema files out of date; regenerate with -Ddreamloop.writeSchemas=true")
                .isEmpty();
    }

    @Test
    void everyEventValidatesAgainstItsPublishedSchema() throws IOException {
        final JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (final Event event : SampleEvents.all(11)) {
            final EventTypes.Type type = EventTypes.of(event.getClass());
            final JsonNode schemaNode =
                    JSON.readTree(
                            PUBLISHED
                                    .resolve(JsonSchemas.resourcePath(type).substring(1))
                                    .toFile());
            final JsonSchema schema = factory.getSchema(schemaNode);
            final JsonNode json = JSON.readTree(EventCodec.instance().encode(event));
            final Set<ValidationMessage> errors = schema.validate(json);
            assertThat(errors).as(type.name()).isEmpty();
        }
    }

    @Test
    void schemaRejectsWhatTheRecordsReject() throws IOException {
        final JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        final Event library = SampleEvents.all(11).get(3);
        final JsonSchema schema =
                factory.getSchema(
                        JSON.readTree(
                                PUBLISHED
                                        .resolve(
                                                JsonSchemas.resourcePath(
                                                                EventTypes.LIBRARY_DESIGNED)
                                                        .substring(1))
                                        .toFile()));
        final String bad =
                EventCodec.instance()
                        .encodeToString(library)
                        .replace("\"subset\":\"random\"", "\"subset\":\"medium\"");
        assertThat(schema.validate(JSON.readTree(bad))).isNotEmpty();
    }

    @Test
    void currentSchemasAreCompatibleWithEveryReleasedSnapshot() throws IOException {
        final List<Path> releases;
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            releases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(releases).as("released schema snapshots").isNotEmpty();
        final List<String> problems = new ArrayList<>();
        for (final Path release : releases) {
            for (final EventTypes.Type type : EventTypes.ALL) {
                final Path snapshot =
                        release.resolve(
                                "%s.v%d.schema.json".formatted(type.name(), type.schemaVersion()));
                if (!Files.exists(snapshot)) {
                    continue; // introduced after this release
                }
                SchemaCompatibility.full(
                                JSON.readTree(snapshot.toFile()), JsonSchemas.generate(type))
                        .forEach(
                                p ->
                                        problems.add(
                                                release.getFileName()
                                                        + " "
                                                        + type.name()
                                                        + " "
                                                        + p));
            }
        }
        assertThat(problems)
                .as(
                        "breaking change: bump the event's schemaVersion and keep a reader for the old one")
                .isEmpty();
    }
}
