package io.dreamloop.predictor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void wireNamesMapToDjlTypes() {
        assertThat(Precision.fromWireName("float32").dataType()).isEqualTo(DataType.FLOAT32);
        assertThat(Precision.fromWireName(" Float16 ").dataType()).isEqualTo(DataType.FLOAT16);
        assertThat(Precision.fromWireName("bfloat16").dataType()).isEqualTo(DataType.BFLOAT16);
        for (final Precision p : Precision.values()) {
            assertThat(Precision.fromWireName(p.wireName())).isSameAs(p);
        }
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> Precision.fromWireName("half"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown precision 'half'; use float32, float16, bfloat16");
    }

    @Test
    void float32AndFloat16RunOnEveryDevice() {
        for (final Device d : new Device[] {Device.cpu(), Device.gpu(0), Device.gpu(3)}) {
            assertThat(Precision.FLOAT32.requireSupportedOn(d)).isSameAs(Precision.FLOAT32);
            assertThat(Precision.FLOAT16.requireSupportedOn(d)).isSameAs(Precision.FLOAT16);
        }
    }

    @Test
    void bfloat16FailsOnEveryDeviceWithTheReasonBeforeAnyArrayExists() {
        for (final Device d : new Device[] {Device.cpu(), Device.gpu(0)}) {
            assertThatThrownBy(() -> Precision.BFLOAT16.requireSupportedOn(d))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("precision bfloat16 cannot run on " + d)
                    .hasMessageContaining("DJL 0.35.1's PyTorch JNI has no bfloat16 type")
                    .hasMessageEndingWith("use float16 or float32");
        }
    }
}
