package io.dreamloop.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    @Test
    void theFirstAndUrgentEventsPassAndOthersWaitForTheInterval() {
        final AtomicLong now = new AtomicLong(1_000);
        final Throttle throttle = new Throttle(50, now::get);
        assertThat(throttle.pass(false)).isTrue();
        now.addAndGet(49);
        assertThat(throttle.pass(false)).isFalse();
        assertThat(throttle.pass(true)).isTrue();
        now.addAndGet(49);
        assertThat(throttle.pass(false)).isFalse();
        now.addAndGet(1);
        assertThat(throttle.pass(false)).isTrue();
    }
}
