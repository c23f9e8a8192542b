package io.dreamloop.contracts;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The contracts' packages form layers (events below schema and wire). The other modules run the
 * same check through {@code io.dreamloop.testing.PackageCycles}, which contracts cannot use: the
 * testing module depends on contracts.
 */
class PackageLayersTest {

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("io.dreamloop.contracts.(*)..")
                .should()
                .beFreeOfCycles()
                .check(
                        new ClassFileImporter()
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                .importPackages("io.dreamloop.contracts"));
    }
}
