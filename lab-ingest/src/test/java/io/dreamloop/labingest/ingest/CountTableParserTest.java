package io.dreamloop.labingest.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountTableParserTest {
    private static final List<String> BINS = List.of("baseline", "low", "medium", "high");

    private static CountTable parse(final String text) {
        return CountTableParser.parse(new StringReader(text), BINS);
    }

    @Test
    void readsTsvAndCsv() {
        final CountTable tsv =
                parse(
                        "member_id\tunsorted\tbaseline\tlow\tmedium\thigh\n# a comment\nm1\t120\t30\t50\t20\t0\n\nm2\t80\t0\t0\t5\t9\n");
        assertThat(tsv.rows()).hasSize(2);
        assertThat(tsv.rows().getFirst().binReads()).containsExactly(30L, 50L, 20L, 0L);
        assertThat(tsv.rows().get(1).unsortedReads()).isEqualTo(80);
        final CountTable csv = parse("member_id,unsorted,baseline,low,medium,high\nm1,1,2,3,4,5\n");
        assertThat(csv.rows().getFirst().binReads()).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void everyProblemIsNamedWithItsLineAndColumn() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        """
                                        member_id,unsorted,baseline,low,medium,high
                                        m1,10,1,2,3,4
                                        m2,10,-1,2,3,4
                                        m3,10,1,two,3,4
                                        m1,10,1,2,3,4
                                        m4,10,1,2
                                        bad id,1,1,1,1,1
                                        """))
                .isInstanceOfSatisfying(
                        CountTableException.class,
                        e ->
                                assertThat(e.problems())
                                        .containsExactly(
                                                "line 3, column baseline: negative count -1",
                                                "line 4, column low: 'two' is not a whole number of reads",
                                                "line 5, column member_id: 'm1' appears twice",
                                                "line 6: 4 columns, expected 6 (member_id, unsorted, baseline, low, medium, high); the file may be truncated",
                                                "line 7, column member_id: member_id 'bad id' is not a valid id (1-128 of letters, digits, '.', '_', ':', '-', starting with a letter or digit)"))
                .hasMessageStartingWith("5 problems, first: line 3, column baseline");
    }

    @Test
    void headerMustMatchTheGates() {
        assertThatThrownBy(() -> parse("member_id,unsorted,low,high\nm1,1,2,3\n"))
                .hasMessageStartingWith(
                        "line 1: header is [member_id, unsorted, low, high] but the run's 4 gates need [member_id, unsorted, baseline, low, medium, high]");
    }

    @Test
    void rowsMayBeKeyedByTheMeasuredSequence() {
        final CountTable table =
                parse("sequence\tunsorted\tbaseline\tlow\tmedium\thigh\nACGT\t1\t2\t3\t4\t5\n");
        assertThat(table.key()).isEqualTo(CountTable.Key.SEQUENCE);
        assertThat(table.rows().getFirst().key()).isEqualTo("ACGT");
        assertThat(table.rows().getFirst().line()).isEqualTo(2);
        assertThatThrownBy(
                        () ->
                                parse(
                                        "sequence\tunsorted\tbaseline\tlow\tmedium\thigh\nACXT\t1\t2\t3\t4\t5\n"))
                .hasMessageStartingWith("line 2, column sequence: invalid base 'X' at position 3");
    }

    @Test
    void emptyTablesAreRejected() {
        assertThatThrownBy(() -> parse("")).hasMessageStartingWith("the table is empty");
        assertThatThrownBy(() -> parse("member_id,unsorted,baseline,low,medium,high\n"))
                .hasMessage("the table has a header but no rows");
    }
}
