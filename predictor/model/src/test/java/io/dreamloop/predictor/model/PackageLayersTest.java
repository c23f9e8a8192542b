package io.dreamloop.predictor.model;

import io.dreamloop.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class PackageLayersTest {

    @Test
    void noTwoPackagesImportEachOther() {
        PackageCycles.assertNone("io.dreamloop.predictor.model");
    }
}
