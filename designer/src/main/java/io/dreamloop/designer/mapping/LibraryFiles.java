package io.dreamloop.designer.mapping;

import io.dreamloop.designer.persistence.DesignedLibraryEntity;
import io.dreamloop.designer.persistence.DesignedMemberEntity;
import java.util.List;

/** Writes a designed library as a file: the one place that knows the TSV and FASTA layouts. */
public final class LibraryFiles {
    /** The TSV's header line. */
    public static final String TSV_HEADER =
            "id\tsubset\tpair_id\tvariable\toligo\tmethod\tpredictions\tprovenance\n";

    private LibraryFiles() {}

    /** The library's members in the given format, in the order given. */
    public static String write(
            final LibraryFileFormat format,
            final DesignedLibraryEntity library,
            final List<DesignedMemberEntity> members) {
        final StringBuilder out = new StringBuilder();
        if (format == LibraryFileFormat.TSV) {
            out.append(TSV_HEADER);
            members.forEach(m -> tsvRow(out, library, m));
        } else {
            members.forEach(m -> fastaRecord(out, library, m));
        }
        return out.toString();
    }

    private static void tsvRow(
            final StringBuilder out,
            final DesignedLibraryEntity library,
            final DesignedMemberEntity m) {
        out.append(m.key().memberId())
                .append('\t')
                .append(m.subset())
                .append('\t')
                .append(m.pairId() == null ? "" : m.pairId())
                .append('\t')
                .append(m.variable())
                .append('\t')
                .append(oligo(library, m))
                .append('\t')
                .append(m.method())
                .append('\t')
                .append(m.predictions())
                .append('\t')
                .append(m.provenance())
                .append('\n');
    }

    private static void fastaRecord(
            final StringBuilder out,
            final DesignedLibraryEntity library,
            final DesignedMemberEntity m) {
        out.append('>')
                .append(m.key().memberId())
                .append(" subset=")
                .append(m.subset())
                .append(m.pairId() == null ? "" : " pair=" + m.pairId())
                .append(" method=")
                .append(m.method())
                .append('\n')
                .append(oligo(library, m))
                .append('\n');
    }

    /**
     * The full oligo as synthesised: the library's adapters around the member's variable region.
     */
    private static String oligo(final DesignedLibraryEntity library, final DesignedMemberEntity m) {
        return library.upstream() + m.variable() + library.downstream();
    }
}
