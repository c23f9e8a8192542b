package io.dreamloop.labingest.insilico;

import io.dreamloop.contracts.motif.Motif;
import io.dreamloop.contracts.motif.TransfacMotifs;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Shared fixtures: data paths and seeded random DREAM-style oligos. */
final class Oligos {

    static final String LEFT = "TGCATTTTTTTCACATC";
    static final String RIGHT = "GGTTACGGCTGTT";
    static final int VARIABLE = 80;

    private Oligos() {}

    static Path jaspar(final String file) {
        return Path.of(System.getProperty("dreamloop.root", ".."), "..", "shared", "data")
                .resolve("jaspar")
                .resolve(file);
    }

    static List<Motif> selected() {
        return TransfacMotifs.parse(jaspar("derived_yeast_selected_TFs_transfac.txt"));
    }

    /** The selected motif with this file name, e.g. {@code REB1}. */
    static Motif byName(final String name) {
        return selected().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    static String randomBases(final Random random, final int length) {
        final char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = "ACGT".charAt(random.nextInt(4));
        }
        return new String(out);
    }

    /** Adapters around the given 80-bp variable region. */
    static DnaSequence oligo(final String variable) {
        return DnaSequence.of(LEFT + variable + RIGHT);
    }

    /** {@code site} written over the variable region starting at {@code offset}. */
    static String insert(final String variable, final String site, final int offset) {
        return variable.substring(0, offset) + site + variable.substring(offset + site.length());
    }
}
