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
                                                "line 5, column member_id: 'm1' appears twice, on lines 2 and 5",
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
    void aHeaderThatLooksRightShowsTheInvisibleDifference() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "member_id,unsorted,baseline,low\u00a0,medium,high\nm1,1,2,3,4,5\n"))
                .hasMessageContaining("bin column 2 is 'low\\u00a0' where 'low' is expected");
        assertThatThrownBy(() -> parse("member_id,baseline,low,medium,high\nm1,2,3,4,5\n"))
                .hasMessageContaining("there is no unsorted column");
        assertThatThrownBy(() -> parse("id,unsorted,baseline,low,medium,high\nm1,1,2,3,4,5\n"))
                .hasMessageContaining(
                        "column 1 is 'id' where 'member_id' or 'sequence' is expected");
    }

    @Test
    void excelsByteOrderMarkIsIgnored() {
        final CountTable table =
                parse("\uFEFFmember_id,unsorted,baseline,low,medium,high\r\nm1,1,2,3,4,5\r\n");
        assertThat(table.rows()).hasSize(1);
    }

    @Test
    void theUnsortedColumnGoesByItsNameAnywhere() {
        for (final String header :
                List.of(
                        "member_id,baseline,low,medium,high,NS",
                        "member_id,baseline,unsorted_reads,low,medium,high",
                        "member_id,Unsorted,baseline,low,medium,high")) {
            final String row =
                    header.replace("member_id", "m1")
                            .replaceAll("(?i)\\b(NS|unsorted_reads|unsorted)\\b", "100")
                            .replace("baseline", "1")
                            .replace("low", "2")
                            .replace("medium", "3")
                            .replace("high", "4");
            final CountTable.Row parsed = parse(header + "\n" + row + "\n").rows().getFirst();
            assertThat(parsed.unsortedReads()).as(header).isEqualTo(100);
            assertThat(parsed.binReads()).as(header).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void aControlColumnMarksNegativeControls() {
        final CountTable table =
                parse(
                        "member_id,control,unsorted,baseline,low,medium,high\n"
                                + "m1,yes,1,2,3,4,5\nm2,,1,2,3,4,5\nm3,1,1,2,3,4,5\nm4,0,1,2,3,4,5\n");
        assertThat(table.controls()).containsExactly("m1", "m3");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "member_id,control,unsorted,baseline,low,medium,high\nm1,maybe,1,2,3,4,5\n"))
                .hasMessageStartingWith("line 2, column control: 'maybe' is neither yes");
    }

    @Test
    void manyProblemsAreListedUpToTheCapAndTheRestCounted() {
        final StringBuilder text =
                new StringBuilder("member_id,unsorted,baseline,low,medium,high\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("m").append(i).append(",1,x,2,3,4\n");
        }
        assertThatThrownBy(() -> parse(text.toString()))
                .isInstanceOfSatisfying(
                        CountTableException.class,
                        e -> {
                            assertThat(e.total()).isEqualTo(2_000);
                            assertThat(e.problems()).hasSize(CountTableException.MAX_LISTED + 1);
                            assertThat(e.problems().getLast())
                                    .isEqualTo("... and 1,950 more problems");
                        })
                .hasMessageStartingWith("2,000 problems, first: line 2, column baseline");
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
