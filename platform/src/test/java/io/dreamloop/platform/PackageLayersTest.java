package io.dreamloop.platform;

import io.dreamloop.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageLayersTest {

    @Test
    void noTwoPackagesImportEachOther() {
        PackageCycles.assertNone("io.dreamloop.platform");
    }
}
