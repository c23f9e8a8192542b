package io.dreamloop.predictor.model.scoring;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads models traced in PyTorch ({@code torch.jit.trace}), such as the official Prix Fixe models,
 * so that weights trained elsewhere can be served. The traced module must map {@code float32 (N, 6,
 * 150)} to logits {@code (N, 18)}.
 */
public final class TorchScriptModels {
    private TorchScriptModels() {}

    /**
     * Loads a {@code .pt} file on a device.
     *
     * @throws IllegalArgumentException when the file is missing or not a TorchScript module
     */
    public static Model load(final Path file, final Device device) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no TorchScript file at " + file);
        }
        final String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".pt")) {
            throw new IllegalArgumentException("a TorchScript file must end in .pt: " + file);
        }
        final String name = fileName.substring(0, fileName.length() - 3);
        final Model model = Model.newInstance(name, device, "PyTorch");
        try {
            model.load(file.toAbsolutePath().getParent(), name);
            return model;
        } catch (final IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException(
                    "cannot load %s as TorchScript: %s".formatted(file, e.getMessage()), e);
        }
    }
}
