package io.dreamloop.designer;

/**
 * The design code's name and version, recorded as provenance on every designed sequence: a library
 * says which code made it, whichever design (GA, SNV, motif, random) made each member.
 */
public final class DesignerRelease {
    /** Name and version of this design code. */
    public static final String NAME = "dreamloop-designer/0.2";

    private DesignerRelease() {}
}
