package io.dreamloop.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void padsColumnsAndRightAlignsNumbers() {
        final Table t =
                new Table("version", "held-out r", "parent")
                        .row("dream-cnn-1", "0.512", null)
                        .row("dream-cnn-20", "0.6", "dream-cnn-1");
        assertThat(t.lines())
                .containsExactly(
                        "version       held-out r  parent",
                        "dream-cnn-1        0.512  -",
                        "dream-cnn-20         0.6  dream-cnn-1");
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedNamingTheColumns() {
        assertThatThrownBy(() -> new Table("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of 1 cells in a table of 2 columns [a, b]");
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertThat(new Table("campaign", "status").lines()).containsExactly("campaign  status");
    }
}
