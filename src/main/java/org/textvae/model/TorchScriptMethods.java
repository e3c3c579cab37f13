package org.textvae.model;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads a TorchScript archive shipped beside a class ({@code src/main/torchscript} holds the Python
 * that writes each one). textvae uses them for PyTorch operators that DJL does not expose; the
 * archives hold code only, no weights.
 */
public final class TorchScriptMethods {

    private TorchScriptMethods() {}

    /**
     * The module in resource {@code name} next to {@code owner}, in a manager of its own that lives
     * as long as the JVM (callers keep one module per JVM).
     */
    public static PtSymbolBlock load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            NDManager manager = NDManager.newBaseManager();
            return JniUtils.loadModule((PtNDManager) manager, in, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
