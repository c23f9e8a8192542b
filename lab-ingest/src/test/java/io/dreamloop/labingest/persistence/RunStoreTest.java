package io.dreamloop.labingest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunStoreTest {

    @Test
    void aUuidColumnReadsTheSameFromPostgresqlAndFromH2() {
        final UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        final byte[] h2 =
                ByteBuffer.allocate(16)
                        .putLong(id.getMostSignificantBits())
                        .putLong(id.getLeastSignificantBits())
                        .array();
        assertThat(RunStore.uuid(id)).isEqualTo(id);
        assertThat(RunStore.uuid(h2)).isEqualTo(id);
        assertThat(RunStore.uuid(id.toString())).isEqualTo(id);
    }
}
