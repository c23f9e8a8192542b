package io.dreamloop.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Keeps a module's packages in layers: no two packages under a root import each other, directly or
 * through others. Read from the compiled main classes (not the sources), so a javadoc link is not a
 * dependency and a fully qualified name in code is.
 */
public final class PackageCycles {
    private PackageCycles() {}

    /**
     * Fails, naming every cycle and the dependencies that make it, when the packages right under
     * {@code root} (each with its subpackages) depend on each other in a circle.
     *
     * @param root e.g. {@code io.dreamloop.designer}
     */
    public static void assertNone(final String root) {
        final JavaClasses classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages(root);
        slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("each package says in its package-info what it may import")
                .check(classes);
    }
}
