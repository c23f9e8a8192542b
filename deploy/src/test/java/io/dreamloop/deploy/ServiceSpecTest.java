package io.dreamloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void aReplicaIsTheSameServiceUnderAnotherNameAndPort() {
        final ServiceSpec predictor = ServiceSpec.defaults(18181).get(1);
        final ServiceSpec second = predictor.replica(2, 18185);
        assertThat(predictor.instance()).isEqualTo("predictor");
        assertThat(second.name()).isEqualTo("predictor");
        assertThat(second.module()).isEqualTo(predictor.module());
        assertThat(second.instance()).isEqualTo("predictor-2");
        assertThat(second.url()).isEqualTo("http://127.0.0.1:18185");
    }

    @Test
    void replicaNumbersStartAtTwoAndPortsMustExist() {
        final ServiceSpec designer = ServiceSpec.defaults(18181).getFirst();
        assertThatThrownBy(() -> designer.replica(1, 18190))
                .hasMessage("replica number must be >= 2, but was 1");
        assertThatThrownBy(() -> designer.replica(2, 70_000))
                .hasMessage("port must be in 1..65535, but was 70000");
    }
}
