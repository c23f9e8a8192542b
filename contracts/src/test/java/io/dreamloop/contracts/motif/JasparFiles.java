package io.dreamloop.contracts.motif;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Test fixtures: the shared JASPAR files (read in place, never copied) and random bases. */
final class JasparFiles {

    private JasparFiles() {}

    /** A file of {@code ../shared/data/jaspar} next to the repository root. */
    static Path jaspar(final String file) {
        return Path.of(System.getProperty("dreamloop.root", ".."), "..", "shared", "data")
                .resolve("jaspar")
                .resolve(file);
    }

    /** The 16 yeast factors selected for the DREAM test design and promoter biology. */
    static List<Motif> selected() {
        return TransfacMotifs.parse(jaspar("derived_yeast_selected_TFs_transfac.txt"));
    }

    static String randomBases(final Random random, final int length) {
        final char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = "ACGT".charAt(random.nextInt(4));
        }
        return new String(out);
    }
}
